using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Sagas;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Hosting;

/// <summary>The composition root of the embedded profile: folders as buckets, the in-memory bus, one
/// SQLite file for sagas and the artifact index, ffmpeg for media. Every adapter is chosen here.</summary>
public static class EmbeddedProfile
{
    public const string Name = "embedded";

    public static IServiceCollection AddEmbeddedProfile(this IServiceCollection services, EmbeddedSettings settings)
    {
        services.AddProcessingCore(settings);
        var store = new FolderObjectStore(settings.Data.BucketsRoot);
        services.AddSingleton(store);
        services.AddSingleton<IObjectStore>(store);
        services.AddSingleton<IBucketWriter, FolderBucketWriter>();
        services.AddSingleton(settings.Intake);
        services.AddSingleton(settings.Data); // so `serve` can say where the data is
        services.AddSqliteArtifactIndex();

        // One host per data folder: what a killed host left in its scratch is swept before this one starts.
        FfmpegFrameExtractor.SweepScratch(settings.Data.ScratchRoot);
        services.AddShoppableBus(new SqliteSagaRepositoryChoice(), x => x.UsingShoppableInMemory(settings.ConcurrentMessageLimit), media =>
        {
            media.Extraction.ScratchFolder = settings.Data.ScratchRoot;
            settings.ConfigureMedia?.Invoke(media);
        });

        services.AddImageDecoding(options => options.MaxImagePixels = settings.Catalog.MaxImagePixels);

        settings.ConfigureServices?.Invoke(services);
        services.AddHostedService<FolderBucketWatcher>();
        services.AddHostedService<UnfinishedSagaResumer>();
        return services;
    }
}
