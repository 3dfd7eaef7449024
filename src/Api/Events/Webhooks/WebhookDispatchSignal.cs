namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Wakes the dispatcher when the outbox queues something, so a new event goes out without
/// waiting for the next poll. Wakes collapse: one pending wake is enough.</summary>
public sealed class WebhookDispatchSignal
{
    readonly SemaphoreSlim wakes = new(0, 1);

    public void Wake()
    {
        try { wakes.Release(); }
        catch (SemaphoreFullException) { }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => wakes.WaitAsync(timeout, ct);
}
