namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Either the new subscription, or why there is none and whose fault it was.</summary>
public sealed record WebhookSubscribeOutcome(WebhookSubscription? Subscription, string? Error, bool ReceiverAtFault)
{
    public static WebhookSubscribeOutcome Created(WebhookSubscription subscription) => new(subscription, null, false);
    public static WebhookSubscribeOutcome Invalid(string error) => new(null, error, false);
    public static WebhookSubscribeOutcome HandshakeFailed(string error) => new(null, error, true);
}
