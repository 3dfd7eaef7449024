namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>One try at a delivery: the receiver's status code, or why there was none.</summary>
public sealed record WebhookAttempt(int Attempt, DateTimeOffset At, int? StatusCode, string? Error);
