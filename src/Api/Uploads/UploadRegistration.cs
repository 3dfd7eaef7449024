using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Api.Uploads;

public static class UploadRegistration
{
    /// <summary>The upload endpoints' services and limits (<see cref="UploadOptions.Section"/>). The profile
    /// registers the <see cref="IBucketWriter"/> for its buckets, and the aws profile's S3 store the
    /// presigned uploads.</summary>
    public static IServiceCollection AddUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<UploadOptions>(configuration.GetSection(UploadOptions.Section));
        services.AddSingleton<StagingArea>();
        services.AddSingleton<ObjectAnnouncer>();
        services.AddSingleton<CatalogPartInspector>();
        services.AddSingleton<CatalogUploadCommitter>();
        services.AddSingleton<VideoUploadHandler>();
        services.AddSingleton<CatalogUploadHandler>();
        services.AddSingleton<VideoUploadUrlHandler>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
