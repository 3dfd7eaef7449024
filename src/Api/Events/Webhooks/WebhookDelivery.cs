namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>A delivery as the API shows it, with each attempt.</summary>
public sealed record WebhookDelivery(
    Guid Id,
    Guid SubscriptionId,
    Guid EventId,
    string EventType,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<WebhookAttempt> AttemptLog);
