using System.Threading.Channels;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// Fans completion events out to the connected SSE clients and keeps the last few for Last-Event-ID
/// resumes. Each client has its own bounded channel that drops its oldest event when full, so a client
/// that stops reading costs memory for a few events and never slows the publisher.
/// </summary>
public sealed class CompletionEventBroadcaster(CompletionEventOptions options)
{
    readonly Lock gate = new();
    readonly LinkedList<CompletionEvent> recent = new();
    readonly HashSet<Channel<CompletionEvent>> clients = [];

    public void Publish(CompletionEvent completion)
    {
        Channel<CompletionEvent>[] targets;
        lock (gate)
        {
            if (recent.Any(e => e.Id == completion.Id))
                return; // a redelivered bus message
            recent.AddLast(completion);
            while (recent.Count > options.RecentEvents)
                recent.RemoveFirst();
            targets = [.. clients];
        }
        foreach (var client in targets)
            client.Writer.TryWrite(completion);
    }

    /// <summary>Connects a client. The replay holds what came after <paramref name="lastEventId"/>, all
    /// buffered events when that id is no longer buffered (at least once beats a silent gap), and
    /// nothing without one. Replay and live events are taken under one lock, so none falls between.</summary>
    public CompletionEventSubscription Subscribe(Guid? lastEventId)
    {
        var channel = Channel.CreateBounded<CompletionEvent>(new BoundedChannelOptions(options.ClientBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
        {
            List<CompletionEvent> replay = [];
            if (lastEventId is { } last)
            {
                var seen = recent.TakeWhile(e => e.Id != last).Count();
                replay = seen < recent.Count ? [.. recent.Skip(seen + 1)] : [.. recent];
            }
            clients.Add(channel);
            return new CompletionEventSubscription(replay, channel.Reader, () => Unsubscribe(channel));
        }
    }

    void Unsubscribe(Channel<CompletionEvent> channel)
    {
        lock (gate)
            clients.Remove(channel);
        channel.Writer.TryComplete();
    }
}
