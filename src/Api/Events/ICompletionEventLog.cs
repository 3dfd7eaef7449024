namespace ShoppableVideo.Api.Events;

/// <summary>
/// The recent completion events a reconnecting SSE client resumes from (Last-Event-ID). Embedded it is this
/// process's memory; on AWS a DynamoDB table, so a client resumes whichever API process it reaches next,
/// one that started after the event included. Every process that hears an event appends it before telling
/// its own clients, so an event a new client did not get live is always in the log it reads.
/// </summary>
public interface ICompletionEventLog
{
    /// <summary>Adds an event; the same event again (another process, a redelivery) changes nothing.</summary>
    Task AppendAsync(CompletionEvent completion, CancellationToken cancellationToken);

    /// <summary>The most recent events (<see cref="CompletionEventOptions.RecentEvents"/>), oldest first.</summary>
    Task<IReadOnlyList<CompletionEvent>> RecentAsync(CancellationToken cancellationToken);
}
