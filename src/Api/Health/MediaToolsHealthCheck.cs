using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShoppableVideo.Consumers.Media;

namespace ShoppableVideo.Api.Health;

/// <summary>Ready when ffmpeg and ffprobe can be found: without them no video gets past Probe.</summary>
public sealed class MediaToolsHealthCheck(MediaTools tools) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = new[] { tools.FfmpegPath, tools.FfprobePath }.Where(tool => Locate(tool) is null).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy("ffmpeg and ffprobe found")
            : HealthCheckResult.Unhealthy($"not found: {string.Join(", ", missing)} (run scripts/setup.sh)"));
    }

    static string? Locate(string tool) =>
        Path.IsPathRooted(tool)
            ? File.Exists(tool) ? tool : null
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
                .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
