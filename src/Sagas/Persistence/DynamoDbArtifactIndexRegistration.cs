using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Sagas.Artifacts;

namespace ShoppableVideo.Sagas.Persistence;

public static class DynamoDbArtifactIndexRegistration
{
    /// <summary>
    /// Registers the artifact index over the registered <see cref="IAmazonDynamoDB"/> client, in the settings'
    /// artifact table (see <see cref="DynamoDbServiceCollectionExtensions.AddDynamoDb"/>).
    /// </summary>
    public static IServiceCollection AddDynamoDbArtifactIndex(this IServiceCollection services)
    {
        services.TryAddSingleton<IArtifactIndex>(provider => new DynamoDbArtifactIndex(
            provider.GetRequiredService<IAmazonDynamoDB>(),
            (provider.GetService<DynamoDbSettings>() ?? new DynamoDbSettings()).ArtifactTable));
        return services;
    }
}
