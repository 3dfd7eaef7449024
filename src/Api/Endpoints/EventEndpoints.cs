using ShoppableVideo.Api.Events;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Completion events, and the live statuses of videos, as server-sent events.</summary>
public static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        // Last-Event-ID: the header browsers' EventSource sends on reconnect; also accepted as a query
        // parameter for clients that cannot set headers.
        app.MapGet("/events", (HttpContext http, CompletionEventBroadcaster broadcaster, CompletionEventOptions options,
                Guid? videoId, Guid? lastEventId) =>
            {
                var resumeFrom = Guid.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var header) ? header : lastEventId;
                return ServerSentEventStream.WriteAsync(http, broadcaster, options, videoId, resumeFrom);
            })
            .WithSummary("Completion events (video.completed, video.failed, catalog.completed, catalog.failed) as text/event-stream")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

        app.MapGet("/videos/updates", (HttpContext http, ISagaStateReader<VideoProcessingState> videos, TimeProvider clock) =>
                VideoStatusUpdates.WriteAsync(http, videos, clock))
            .WithName("WatchVideoStatuses")
            .WithSummary($"The {VideoStatusUpdates.Window} most recently updated videos' statuses (state, step, percent) as " +
                         "text/event-stream: each now, then each again when it changes.")
            .Produces<VideoStatus>(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }
}
