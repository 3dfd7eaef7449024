using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Hosting;

/// <summary>What every profile runs the same way: the step policy, the vision models, the product index
/// in the data folder's SQLite file (sqlite-vec), and the catalog over whichever object store the
/// profile chose. A profile adds its buckets, saga store, bus and intake around it.</summary>
public static class ProcessingServices
{
    public static IServiceCollection AddProcessingCore(this IServiceCollection services, EmbeddedSettings settings)
    {
        var data = settings.Data.EnsureCreated();
        services.AddSingleton(data);
        services.AddSingleton(settings.Steps);
        services.AddSingleton(settings.Catalog);
        services.AddSingleton(settings.ShotVote);
        services.AddFrameAnalyzer();
        services.AddSingleton<IProductCatalog, FolderProductCatalog>();
        services.AddSingleton<CatalogReindexer>();
        services.AddSqliteDatabase(data.DatabasePath);
        services.AddSqliteProductIndex(settings.ConfigureMatching);
        // The models only where setup installed them: without them the catalog and the video analyzer run
        // "not-configured" and say what is missing, rather than the host refusing to start.
        if (ToolsFolder.Find() is { } tools && VisionRegistration.ModelsInstalled(tools, new VisionOptions()))
            services.AddOnnxVision();
        services.AddProductPhotoVision();
        return services;
    }
}
