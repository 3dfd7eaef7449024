using ShoppableVideo.Api.Auth;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>The shoppable metadata document of a processed video.</summary>
public static class ShoppableEndpoints
{
    public static IEndpointRouteBuilder MapShoppableEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/videos/{id:guid}/shoppable", async (Guid id, ISagaStateReader<VideoProcessingState> videos,
                IObjectStore store, CancellationToken ct) =>
            {
                var saga = await videos.FindAsync(id, ct);
                if (saga is null)
                    return ApiProblems.NotFound($"No video {id:N}.");
                var key = ShoppableDocument.KeyFor(id);
                if (saga.DocumentKey is null || !await store.ExistsAsync(Buckets.Output, key, ct))
                    return ApiProblems.NotFound($"Video {id:N} has no shoppable document yet (state {saga.CurrentState}).");
                return Results.Stream(await store.OpenReadAsync(Buckets.Output, key, ct), "application/json");
            })
            .AllowReads()
            .WithName("GetShoppableDocument")
            .WithSummary("The shoppable metadata document: every shot with its products, boxes and scores.");
        return app;
    }
}
