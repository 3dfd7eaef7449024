namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>StatusCode is null when no response came (refused, timed out); Error is null on a 2xx.</summary>
public sealed record WebhookSendResult(int? StatusCode, string? Error)
{
    public bool Delivered => Error is null;
}
