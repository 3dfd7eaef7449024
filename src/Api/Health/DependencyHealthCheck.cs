using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Health;

/// <summary>Ready when a shared engine answers a cheap question: whichever adapter the profile chose
/// (folders or S3, SQLite or DynamoDB, sqlite-vec or OpenSearch), so a process whose S3, DynamoDB or
/// OpenSearch is unreachable takes no work. The bus (RabbitMQ in the aws profile) has MassTransit's own check.</summary>
public abstract class DependencyHealthCheck : IHealthCheck
{
    protected abstract string Describe();

    protected abstract Task AskAsync(CancellationToken cancellationToken);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await AskAsync(cancellationToken);
            return HealthCheckResult.Healthy(Describe());
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{Describe()}: {e.Message}");
        }
    }
}

/// <summary>Lists one key of every bucket.</summary>
public sealed class BucketsHealthCheck(IObjectStore store) : DependencyHealthCheck
{
    protected override string Describe() => $"{store.GetType().Name}: {string.Join(", ", Buckets.All)}";

    protected override async Task AskAsync(CancellationToken cancellationToken)
    {
        foreach (var bucket in Buckets.All)
            await foreach (var _ in store.ListAsync(bucket, "", cancellationToken))
                break;
    }
}

/// <summary>Reads one (absent) saga.</summary>
public sealed class SagaStoreHealthCheck(ISagaStateReader<VideoProcessingState> sagas) : DependencyHealthCheck
{
    protected override string Describe() => sagas.GetType().Name;

    protected override Task AskAsync(CancellationToken cancellationToken) => sagas.FindAsync(Guid.Empty, cancellationToken);
}

/// <summary>Looks up one (absent) product.</summary>
public sealed class ProductIndexHealthCheck(IProductIndex index) : DependencyHealthCheck
{
    protected override string Describe() => index.GetType().Name;

    protected override Task AskAsync(CancellationToken cancellationToken) => index.FindContentHashAsync("readiness-probe", cancellationToken);
}
