using System.Threading.Channels;

namespace ShoppableVideo.Api.Events;

/// <summary>One SSE client's view of the broadcaster: what it missed, then what comes next.</summary>
public sealed class CompletionEventSubscription(
    IReadOnlyList<CompletionEvent> replay, ChannelReader<CompletionEvent> live, Action unsubscribe) : IDisposable
{
    public IReadOnlyList<CompletionEvent> Replay { get; } = replay;
    public ChannelReader<CompletionEvent> Live { get; } = live;
    public void Dispose() => unsubscribe();
}
