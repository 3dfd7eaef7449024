namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>The answer to <c>POST /webhooks</c>, the only time the signing secret is shown.</summary>
public sealed record CreatedWebhookSubscription(Guid Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string Secret)
{
    public static CreatedWebhookSubscription Of(WebhookSubscription s) => new(s.Id, s.Url.AbsoluteUri, s.Events, s.CreatedAt, s.Secret);
}
