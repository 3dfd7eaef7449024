using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>Creates the DynamoDB tables at start-up where the settings ask for it (local servers, first runs).</summary>
public sealed class DynamoDbTablesInitializer(DynamoDbTables tables, DynamoDbSettings settings,
    ILogger<DynamoDbTablesInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var timeToLive = await tables.CreateIfMissingAsync(settings, cancellationToken).ConfigureAwait(false);
        if (!timeToLive && settings.FinishedSagaTimeToLive is not null)
            logger.LogWarning("DynamoDB at {Endpoint} has no TTL: finished sagas get ExpiresAt but are not removed",
                settings.ServiceUrl ?? settings.Region);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
