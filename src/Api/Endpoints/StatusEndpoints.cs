using System.Globalization;
using ShoppableVideo.Sagas.Artifacts;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Read-only status of videos and catalog batches, straight from saga state. Lists are pages
/// (<c>limit</c> up to 1000, <c>offset</c>), most recently updated first, with the total in a header, so a
/// client can reach the oldest ones.</summary>
public static class StatusEndpoints
{
    public const string TotalCountHeader = "X-Total-Count";

    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/videos", async (HttpResponse response, ISagaStateReader<VideoProcessingState> videos, string? state, int? limit, int? offset,
                CancellationToken ct) =>
            {
                if (offset < 0)
                    return ApiProblems.BadRequest("offset must not be negative.");
                response.Headers[TotalCountHeader] = (await videos.CountAsync(state, ct)).ToString(CultureInfo.InvariantCulture);
                return Results.Ok((await videos.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), offset ?? 0, state, ct)).Select(VideoStatus.Of));
            });

        app.MapGet("/videos/{id:guid}", async (Guid id, ISagaStateReader<VideoProcessingState> videos, CancellationToken ct) =>
            await videos.FindAsync(id, ct) is { } saga ? Results.Ok(VideoStatus.Of(saga)) : ApiProblems.NotFound($"No video {id:N}."));

        app.MapGet("/videos/{id:guid}/artifacts", async (Guid id, string? kind, IArtifactIndex index, CancellationToken ct) =>
            await index.ListAsync(id.ToString("N"), kind, ct));

        app.MapGet("/catalog/batches", async (HttpResponse response, ISagaStateReader<CatalogIngestionState> batches, int? limit, int? offset,
                CancellationToken ct) =>
            {
                if (offset < 0)
                    return ApiProblems.BadRequest("offset must not be negative.");
                response.Headers[TotalCountHeader] = (await batches.CountAsync(null, ct)).ToString(CultureInfo.InvariantCulture);
                return Results.Ok((await batches.ListAsync(Math.Clamp(limit ?? 100, 1, 1000), offset ?? 0, null, ct)).Select(CatalogBatchStatus.Of));
            });

        app.MapGet("/catalog/batches/{id:guid}", async (Guid id, ISagaStateReader<CatalogIngestionState> batches, CancellationToken ct) =>
            await batches.FindAsync(id, ct) is { } saga ? Results.Ok(CatalogBatchStatus.Of(saga)) : ApiProblems.NotFound($"No catalog batch {id:N}."));

        return app;
    }
}
