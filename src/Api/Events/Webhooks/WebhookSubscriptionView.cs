namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>A subscription as listed: never with its secret.</summary>
public sealed record WebhookSubscriptionView(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt)
{
    public static WebhookSubscriptionView Of(WebhookSubscription s) => new(s.Id, s.Url.AbsoluteUri, s.Events, s.CreatedAt);
}
