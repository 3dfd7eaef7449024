using Microsoft.AspNetCore.Http.Features;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// Writes completion events to one SSE client: <c>id:</c>, <c>event:</c> and one <c>data:</c> line of
/// JSON per event, a comment line as a heartbeat when idle, and a flush after each so neither response
/// buffering nor a proxy holds an event back.
/// </summary>
public static class ServerSentEventStream
{
    public static async Task WriteAsync(HttpContext http, CompletionEventBroadcaster broadcaster, CompletionEventOptions options,
        Guid? videoId, Guid? lastEventId)
    {
        var response = http.Response;
        var ct = http.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = await broadcaster.SubscribeAsync(lastEventId, ct);
        try
        {
            // Sends the headers now, so the client knows it is connected before the first event.
            await response.WriteAsync(": connected\n\n", ct);
            await response.Body.FlushAsync(ct);
            foreach (var completion in subscription.Replay.Where(e => Wanted(e, videoId)))
                await WriteEventAsync(response, completion, ct);

            while (!ct.IsCancellationRequested)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(options.Heartbeat);
                try
                {
                    var completion = await subscription.NextLiveAsync(idle.Token);
                    if (Wanted(completion, videoId))
                        await WriteEventAsync(response, completion, ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await response.WriteAsync(": heartbeat\n\n", ct);
                    await response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    static bool Wanted(CompletionEvent completion, Guid? videoId) => videoId is null || completion.VideoId == videoId;

    static async Task WriteEventAsync(HttpResponse response, CompletionEvent completion, CancellationToken ct)
    {
        // The JSON serializer escapes newlines inside strings, so the document is always one data line.
        await response.WriteAsync($"id: {completion.Id:N}\nevent: {completion.Type}\ndata: {completion.ToJson()}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }
}
