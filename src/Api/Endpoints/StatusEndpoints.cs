using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Read-only status of videos and catalog batches, straight from saga state.</summary>
public static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/videos", async (ISagaStateReader<VideoProcessingState> videos, string? state, int? limit, CancellationToken ct) =>
            (await videos.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), 0, state, ct)).Select(VideoStatus.Of));

        app.MapGet("/videos/{id:guid}", async (Guid id, ISagaStateReader<VideoProcessingState> videos, CancellationToken ct) =>
            await videos.FindAsync(id, ct) is { } saga ? Results.Ok(VideoStatus.Of(saga)) : ApiProblems.NotFound($"No video {id:N}."));

        app.MapGet("/videos/{id:guid}/artifacts", async (Guid id, string? kind, IArtifactIndex index, CancellationToken ct) =>
            await index.ListAsync(id.ToString("N"), kind, ct));

        app.MapGet("/catalog/batches", async (ISagaStateReader<CatalogIngestionState> batches, CancellationToken ct) =>
            (await batches.ListAsync(100, 0, null, ct)).Select(CatalogBatchStatus.Of));

        app.MapGet("/catalog/batches/{id:guid}", async (Guid id, ISagaStateReader<CatalogIngestionState> batches, CancellationToken ct) =>
            await batches.FindAsync(id, ct) is { } saga ? Results.Ok(CatalogBatchStatus.Of(saga)) : ApiProblems.NotFound($"No catalog batch {id:N}."));

        return app;
    }
}
