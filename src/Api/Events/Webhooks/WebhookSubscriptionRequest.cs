namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The body of <c>POST /webhooks</c>. Events defaults to every completion event type.</summary>
public sealed record WebhookSubscriptionRequest(string? Url, IReadOnlyList<string>? Events);
