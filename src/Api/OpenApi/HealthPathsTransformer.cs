using System.Net.Mime;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ShoppableVideo.Api.Endpoints;

namespace ShoppableVideo.Api.OpenApi;

/// <summary>Describes the health probes, which the document would otherwise miss: MapHealthChecks maps
/// middleware, not a handler the API explorer can read. A load balancer's or an orchestrator's probe is
/// configured from this document like any other client.</summary>
public sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= new OpenApiPaths();
        document.Paths[HealthEndpoints.LivePath] = Probe("GetLiveness",
            "Liveness: answers Healthy while the process runs.", MediaTypeNames.Text.Plain);
        document.Paths[HealthEndpoints.ReadyPath] = Probe("GetReadiness",
            "Readiness: each check (SQLite, media tools, vision, buckets, saga store, product index, bus) with its status; 503 naming the one that failed.",
            MediaTypeNames.Application.Json);
        return Task.CompletedTask;
    }

    static OpenApiPathItem Probe(string operationId, string summary, string contentType) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                OperationId = operationId,
                Summary = summary,
                Responses = new OpenApiResponses
                {
                    ["200"] = new OpenApiResponse
                    {
                        Description = "Healthy or Degraded",
                        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() },
                    },
                    ["503"] = new OpenApiResponse
                    {
                        Description = "Unhealthy",
                        Content = new Dictionary<string, OpenApiMediaType> { [contentType] = new() },
                    },
                },
            },
        },
    };
}
