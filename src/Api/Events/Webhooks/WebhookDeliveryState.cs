namespace ShoppableVideo.Api.Events.Webhooks;

public static class WebhookDeliveryState
{
    /// <summary>Waiting for its next attempt (or its first).</summary>
    public const string Pending = "Pending";
    public const string Delivered = "Delivered";
    /// <summary>Given up after the configured number of attempts.</summary>
    public const string Failed = "Failed";
}
