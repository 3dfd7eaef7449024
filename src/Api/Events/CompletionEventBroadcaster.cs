using System.Threading.Channels;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// Fans completion events out to this process's SSE clients, and resumes a reconnecting one from the
/// <see cref="ICompletionEventLog"/>. Each client has its own bounded channel that drops its oldest event
/// when full, so a client that stops reading costs memory for a few events and never slows the publisher.
/// </summary>
public sealed class CompletionEventBroadcaster(ICompletionEventLog log, CompletionEventOptions options)
{
    readonly Lock gate = new();
    readonly HashSet<Guid> published = [];
    readonly Queue<Guid> publishedInOrder = new();
    readonly HashSet<Channel<CompletionEvent>> clients = [];

    /// <summary>Logs the event, then tells the connected clients, in that order: a client connecting meanwhile
    /// either gets it live or finds it in the log.</summary>
    public async Task PublishAsync(CompletionEvent completion, CancellationToken cancellationToken)
    {
        await log.AppendAsync(completion, cancellationToken);
        Channel<CompletionEvent>[] targets;
        lock (gate)
        {
            if (!published.Add(completion.Id))
                return; // a redelivered bus message
            publishedInOrder.Enqueue(completion.Id);
            while (publishedInOrder.Count > options.RecentEvents)
                published.Remove(publishedInOrder.Dequeue());
            targets = [.. clients];
        }
        foreach (var client in targets)
            client.Writer.TryWrite(completion);
    }

    /// <summary>Connects a client. The replay holds what came after <paramref name="lastEventId"/>, every
    /// logged event when that id is no longer logged (at least once beats a silent gap), and nothing without
    /// one. The client is connected before the log is read, so no event falls between the two; one in both
    /// is sent once (<see cref="CompletionEventSubscription"/>).</summary>
    public async Task<CompletionEventSubscription> SubscribeAsync(Guid? lastEventId, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<CompletionEvent>(new BoundedChannelOptions(options.ClientBuffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (gate)
            clients.Add(channel);
        var subscription = new CompletionEventSubscription(channel.Reader, () => Unsubscribe(channel));
        try
        {
            if (lastEventId is { } last)
            {
                var recent = await log.RecentAsync(cancellationToken);
                var seen = recent.TakeWhile(e => e.Id != last).Count();
                subscription.Replay = seen < recent.Count ? [.. recent.Skip(seen + 1)] : recent;
            }
            return subscription;
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    void Unsubscribe(Channel<CompletionEvent> channel)
    {
        lock (gate)
            clients.Remove(channel);
        channel.Writer.TryComplete();
    }
}
