using Amazon;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>SQS through AWSSDK.SQS (its own retries), reached with the same region, credentials and
/// endpoint override ("sqs", a local server in tests) as the signed client's other services.</summary>
public static class SqsRegistration
{
    /// <summary>Registers one <see cref="IAmazonSQS"/> from the registered <see cref="AwsClientOptions"/>
    /// (AddAwsHttpClient), unless one is registered already.</summary>
    public static IServiceCollection AddSqsClient(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => CreateClient(provider.GetRequiredService<AwsClientOptions>()));
        return services;
    }

    public static IAmazonSQS CreateClient(AwsClientOptions options)
    {
        var config = new AmazonSQSConfig();
        if (options.Endpoints.TryGetValue("sqs", out var endpoint))
        {
            config.ServiceURL = endpoint.ToString();
            // A custom endpoint still signs for a region.
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }
        return options.Credentials is null ? new AmazonSQSClient(config) : new AmazonSQSClient(options.Credentials, config);
    }
}
