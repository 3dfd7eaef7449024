using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Sagas.Persistence;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the settings, one <see cref="IAmazonDynamoDB"/> client for them (unless one is registered
    /// already) and <see cref="DynamoDbTables"/>; with <see cref="DynamoDbSettings.CreateTablesIfMissing"/>, a
    /// start-up step that creates the tables. Call it before AddMassTransit so the tables exist when the bus starts.
    /// </summary>
    public static IServiceCollection AddDynamoDb(this IServiceCollection services, DynamoDbSettings settings)
    {
        services.TryAddSingleton(settings);
        services.TryAddSingleton(_ => CreateClient(settings));
        services.TryAddSingleton<DynamoDbTables>();
        if (settings.CreateTablesIfMissing)
            services.AddHostedService<DynamoDbTablesInitializer>();
        return services;
    }

    public static IAmazonDynamoDB CreateClient(DynamoDbSettings settings)
    {
        var config = new AmazonDynamoDBConfig();
        if (settings.ServiceUrl is null)
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        else
        {
            config.ServiceURL = settings.ServiceUrl;
            // A custom endpoint still signs for a region.
            config.AuthenticationRegion = settings.Region;
        }

        return settings.AccessKeyId is { } keyId
            ? new AmazonDynamoDBClient(new BasicAWSCredentials(keyId, settings.SecretAccessKey ?? ""), config)
            : new AmazonDynamoDBClient(config);
    }
}
