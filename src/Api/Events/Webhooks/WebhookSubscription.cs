namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>A verified subscriber. Only subscriptions whose handshake succeeded are stored, so every
/// stored one is active. The secret stays on the server: the API shows it once, at creation.</summary>
public sealed record WebhookSubscription(Guid Id, Uri Url, IReadOnlyList<string> Events, string Secret, DateTimeOffset CreatedAt)
{
    public bool Wants(string eventType) => Events.Contains(eventType, StringComparer.Ordinal);
}
