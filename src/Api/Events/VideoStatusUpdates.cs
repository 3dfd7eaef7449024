using System.Runtime.CompilerServices;
using System.Text.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// The statuses of the most recently updated videos, each time one changes: what the console's live
/// list shows (state, step, percent). Read from the saga store, the one place that knows the progress made
/// by every worker process, once a second per open stream; a status goes out when its JSON differs from
/// the one sent last, so an idle stream costs a read and sends nothing.
/// </summary>
public static class VideoStatusUpdates
{
    public const string EventType = "video.status";
    public const int Window = 50;
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>Streams to one client until it goes away.</summary>
    public static async Task WriteAsync(HttpContext http, ISagaStateReader<VideoProcessingState> videos, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        try
        {
            await ServerSentEventStream.StartAsync(http);
            await foreach (var json in ChangesAsync(videos, clock, ct))
                await ServerSentEventStream.WriteEventAsync(http.Response, id: null, EventType, json, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <summary>Each status as JSON, then again each time its JSON changes.</summary>
    public static async IAsyncEnumerable<string> ChangesAsync(ISagaStateReader<VideoProcessingState> videos, TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sent = new Dictionary<Guid, string>();
        using var timer = new PeriodicTimer(PollInterval, clock);
        do
        {
            IReadOnlyList<VideoProcessingState> recent;
            try
            {
                recent = await videos.ListAsync(Window, 0, null, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            // Oldest first, so a client that applies them in order ends with the newest on top.
            foreach (var status in recent.Select(VideoStatus.Of).Reverse())
            {
                var json = JsonSerializer.Serialize(status, JsonSerializerOptions.Web);
                if (sent.TryGetValue(status.Id, out var last) && last == json)
                    continue;
                sent[status.Id] = json;
                yield return json;
            }
        }
        while (await NextTickAsync(timer, cancellationToken));
    }

    // The client going away ends the stream quietly rather than as an error.
    static async Task<bool> NextTickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
