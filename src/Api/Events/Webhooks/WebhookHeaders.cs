namespace ShoppableVideo.Api.Events.Webhooks;

public static class WebhookHeaders
{
    public const string Event = "X-ShoppableVideo-Event";
    public const string Delivery = "X-ShoppableVideo-Delivery";
    public const string Timestamp = "X-ShoppableVideo-Timestamp";
    public const string Signature = "X-ShoppableVideo-Signature";
    public const string Handshake = "X-ShoppableVideo-Handshake";
}
