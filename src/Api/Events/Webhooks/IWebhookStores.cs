namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The verified subscribers: in the SQLite file for one process, in DynamoDB for a deployment of many.</summary>
public interface IWebhookSubscriptionStore
{
    Task<WebhookSubscription> AddAsync(Uri url, IReadOnlyList<string> events, string secret, CancellationToken ct);

    /// <summary>Oldest first.</summary>
    Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct);

    Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct);

    /// <summary>Removes the subscription and its deliveries: nothing more is sent to it.</summary>
    Task<bool> RemoveAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// The delivery queue. Enqueueing touches no network but the store's, which is what lets the bus consumer
/// return at once however slow the subscribers are; the dispatcher takes due deliveries, sends them and
/// records each attempt here.
/// </summary>
public interface IWebhookOutbox
{
    /// <summary>Queues the event for every subscription that wants it. Idempotent per (event, subscription).</summary>
    Task<int> EnqueueAsync(CompletionEvent completion, CancellationToken ct);

    /// <summary>Up to <paramref name="limit"/> pending deliveries whose next attempt is due, oldest first, each
    /// now this caller's to send: where several processes dispatch, a delivery is handed to one of them (until
    /// its attempt is recorded, or its lease runs out because that process died). <paramref name="sending"/>
    /// are this caller's attempts still out, which are not handed out again.</summary>
    Task<IReadOnlyList<DueDelivery>> TakeDueAsync(int limit, IReadOnlyCollection<Guid> sending, CancellationToken ct);

    /// <summary>Records an attempt and moves the delivery on: Delivered, Failed, or Pending until <paramref name="retryAt"/>.</summary>
    Task RecordAttemptAsync(DueDelivery delivery, int? statusCode, string? error, string state, DateTimeOffset retryAt, CancellationToken ct);

    /// <summary>A subscription's deliveries, newest first, each with its attempts.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int limit, CancellationToken ct);
}
