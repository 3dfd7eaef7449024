using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShoppableVideo.Consumers.Vision;

namespace ShoppableVideo.Api.Health;

/// <summary>Degraded, not unhealthy, without models: videos still get shots and a document, only no
/// products, and the reason says what setup is missing.</summary>
public sealed class VisionHealthCheck(IFrameAnalyzer analyzer) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(analyzer is NotConfiguredFrameAnalyzer notConfigured
            ? HealthCheckResult.Degraded($"vision {notConfigured.Description}")
            : HealthCheckResult.Healthy(analyzer.GetType().Name));
}
