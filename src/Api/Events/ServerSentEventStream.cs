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
        using var subscription = await broadcaster.SubscribeAsync(lastEventId, ct);
        try
        {
            await StartAsync(http);
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

    /// <summary>The stream's headers, sent at once with a comment line, so the client knows it is
    /// connected before the first event (an EventSource fires <c>open</c> only then).</summary>
    public static async Task StartAsync(HttpContext http)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.WriteAsync(": connected\n\n", http.RequestAborted);
        await response.Body.FlushAsync(http.RequestAborted);
    }

    /// <summary>One event; <paramref name="json"/> must be one line, which the JSON serializer guarantees by
    /// escaping newlines inside strings.</summary>
    public static async Task WriteEventAsync(HttpResponse response, string? id, string type, string json, CancellationToken ct)
    {
        await response.WriteAsync($"{(id is null ? "" : $"id: {id}\n")}event: {type}\ndata: {json}\n\n", ct);
        await response.Body.FlushAsync(ct);
    }

    static Task WriteEventAsync(HttpResponse response, CompletionEvent completion, CancellationToken ct) =>
        WriteEventAsync(response, completion.Id.ToString("N"), completion.Type, completion.ToJson(), ct);
}
