using System.Threading.Channels;

namespace ShoppableVideo.Api.Events;

/// <summary>One SSE client's view of the broadcaster: what it missed, then what comes next, each event once.</summary>
public sealed class CompletionEventSubscription(ChannelReader<CompletionEvent> live, Action unsubscribe) : IDisposable
{
    HashSet<Guid> replayed = [];

    public IReadOnlyList<CompletionEvent> Replay
    {
        get;
        internal set
        {
            field = value;
            replayed = value.Select(e => e.Id).ToHashSet();
        }
    } = [];

    /// <summary>The next live event not already replayed: one logged while the client connected comes both ways.</summary>
    public async ValueTask<CompletionEvent> NextLiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var completion = await live.ReadAsync(cancellationToken);
            if (!replayed.Contains(completion.Id))
                return completion;
        }
    }

    public void Dispose() => unsubscribe();
}
