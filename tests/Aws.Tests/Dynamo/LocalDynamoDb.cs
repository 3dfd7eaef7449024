using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>
/// One dynalite per test class (started and stopped here); every test gets tables of its own, so tests
/// in a class cannot see each other's sagas.
/// </summary>
public sealed class LocalDynamoDb : IAsyncLifetime
{
    DynaliteServer? _server;

    public async Task InitializeAsync() => _server = await DynaliteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    /// <summary>Settings for fresh tables on this server, already created.</summary>
    public async Task<DynamoDbSettings> NewTablesAsync(TimeSpan? finishedSagaTimeToLive = null)
    {
        var settings = Settings(finishedSagaTimeToLive);
        using var client = new ObservedDynamoDbClient(settings);
        await new DynamoDbTables(client).CreateIfMissingAsync(settings);
        return settings;
    }

    /// <summary>Settings for tables that do not exist yet.</summary>
    public DynamoDbSettings Settings(TimeSpan? finishedSagaTimeToLive = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return new DynamoDbSettings
        {
            ServiceUrl = (_server ?? throw new InvalidOperationException("dynalite is not started")).Endpoint.ToString(),
            // dynalite checks that requests are signed, not by whom.
            AccessKeyId = "local",
            SecretAccessKey = "local",
            SagaTable = $"sagas-{suffix}",
            ArtifactTable = $"artifacts-{suffix}",
            ReviewTable = $"reviews-{suffix}",
            WebhookTable = $"webhooks-{suffix}",
            MirrorTable = $"mirror-{suffix}",
            EventTable = $"events-{suffix}",
            FinishedSagaTimeToLive = finishedSagaTimeToLive,
        };
    }
}
