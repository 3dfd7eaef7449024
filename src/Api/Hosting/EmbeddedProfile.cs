using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Sqlite;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Sagas;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Hosting;

/// <summary>The composition root of the embedded profile: folders as buckets, the in-memory bus, one
/// SQLite file for sagas and the artifact index, ffmpeg for media. Every adapter is chosen here.</summary>
public static class EmbeddedProfile
{
    public static IServiceCollection AddEmbeddedProfile(this IServiceCollection services, EmbeddedSettings settings)
    {
        var data = settings.Data.EnsureCreated();
        var store = new FolderObjectStore(data.BucketsRoot);
        services.AddSingleton(data);
        services.AddSingleton(store);
        services.AddSingleton<IObjectStore>(store);
        services.AddSingleton(settings.Steps);
        services.AddSingleton(settings.Intake);
        services.AddSingleton(settings.Catalog);
        services.AddSingleton(settings.ShotVote);
        services.AddFrameAnalyzer();
        services.AddSingleton<IProductCatalog, FolderProductCatalog>();
        services.AddSqliteDatabase(data.DatabasePath);
        services.AddSqliteArtifactIndex();
        services.AddSqliteProductIndex(settings.ConfigureMatching);
        // The models only where setup installed them: without them the catalog and the video analyzer run
        // "not-configured" and say what is missing, rather than the host refusing to start.
        if (ToolsFolder.Find() is { } tools && Directory.Exists(tools.ModelsFolder) && File.Exists(tools.OnnxRuntimeLibrary))
            services.AddOnnxVision();
        services.AddProductPhotoVision();

        services.AddShoppableBus(new SqliteSagaRepositoryChoice(), x => x.UsingShoppableInMemory(), settings.ConfigureMedia);

        // After AddMassTransit, so the media registration's MediaTools is the one the decoder gets.
        services.AddImageDecoding(options => options.MaxImagePixels = settings.Catalog.MaxImagePixels);

        settings.ConfigureServices?.Invoke(services);
        services.AddHostedService<FolderBucketWatcher>();
        services.AddHostedService<UnfinishedSagaResumer>();
        return services;
    }
}
