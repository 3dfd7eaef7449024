namespace ShoppableVideo.Api.Events;

/// <summary>The embedded profile's log: one process serves every client, so its memory is the whole story.</summary>
public sealed class MemoryCompletionEventLog(CompletionEventOptions options) : ICompletionEventLog
{
    readonly Lock gate = new();
    readonly LinkedList<CompletionEvent> recent = new();

    public Task AppendAsync(CompletionEvent completion, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (recent.Any(e => e.Id == completion.Id))
                return Task.CompletedTask;
            recent.AddLast(completion);
            while (recent.Count > options.RecentEvents)
                recent.RemoveFirst();
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CompletionEvent>> RecentAsync(CancellationToken cancellationToken)
    {
        lock (gate)
            return Task.FromResult<IReadOnlyList<CompletionEvent>>([.. recent]);
    }
}
