using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppableVideo.Consumers.Storage;

public static class S3StorageRegistration
{
    /// <summary>Registers <see cref="S3ObjectStore"/> as the <see cref="IObjectStore"/> and the <see cref="IPresignedUploads"/>. Without a client,
    /// one is made from the options: the regional endpoint and the default credential chain on AWS, or
    /// <see cref="S3StorageOptions.ServiceUrl"/> path-style for a local server.</summary>
    public static IServiceCollection AddS3ObjectStore(this IServiceCollection services, S3StorageOptions options,
        IAmazonS3? client = null, AWSCredentials? credentials = null)
    {
        options.Validated();
        services.AddSingleton(options);
        services.AddSingleton(client ?? CreateClient(options, credentials));
        services.AddSingleton<S3ObjectStore>();
        services.AddSingleton<IObjectStore>(sp => sp.GetRequiredService<S3ObjectStore>());
        services.AddSingleton<IPresignedUploads>(sp => sp.GetRequiredService<S3ObjectStore>());
        return services;
    }

    public static IAmazonS3 CreateClient(S3StorageOptions options, AWSCredentials? credentials = null)
    {
        var config = new AmazonS3Config();
        if (options.ServiceUrl is { } serviceUrl)
        {
            config.ServiceURL = serviceUrl.ToString();
            config.AuthenticationRegion = options.Region;
            // A local server has no per-bucket host names.
            config.ForcePathStyle = true;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
