using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Readiness as JSON: overall status and each check with its reason, so an operator sees
/// what is not ready without reading logs.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                seconds = e.Value.Duration.TotalSeconds,
            }),
        });
}
