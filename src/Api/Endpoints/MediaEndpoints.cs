using ShoppableVideo.Api.Web;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>The original video a player plays.</summary>
public static class MediaEndpoints
{
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/videos/{id:guid}/media", async (Guid id, ISagaStateReader<VideoProcessingState> videos,
                IObjectStore store, CancellationToken ct) =>
            {
                if (await videos.FindAsync(id, ct) is not { Video: { } video } saga)
                    return ApiProblems.NotFound($"No video {id:N}.");
                if (await store.IdentifyAsync(video.Bucket, video.Key, ct) is not { } current)
                    return ApiProblems.NotFound($"The file of video {id:N} is no longer in the '{video.Bucket}' bucket.");
                // The key may hold other bytes now (the file was replaced, even by one of the same size): they
                // are another video, with their own id and document, and must not play under this one's.
                if (!current.HoldsSameContentAs(video))
                {
                    var successor = (await videos.ListAsync(1000, 0, null, ct))
                        .Where(v => v.Video is { } other && other.Key == video.Key && other.Bucket == video.Bucket && v.CreatedAt > saga.CreatedAt)
                        .MaxBy(v => v.CreatedAt);
                    return ApiProblems.Gone($"'{video.Key}' has been replaced since video {id:N} was processed; its bytes are gone.",
                        successor is null ? null : $"/videos/{successor.CorrelationId:N}");
                }
                // Range requests matter: a browser seeks by asking for byte ranges, and refuses to seek
                // a video served without them.
                var media = await store.OpenReadAsync(video.Bucket, video.Key, ct);
                return Results.Stream(media, VideoContentTypes.For(video.Key), enableRangeProcessing: true);
            })
            .WithName("GetVideoMedia")
            .WithSummary("The original video file, with HTTP range support for seeking; 410 once its key holds other bytes.");

        return app;
    }
}
