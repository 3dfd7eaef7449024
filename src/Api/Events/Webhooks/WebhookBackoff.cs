namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Exponential backoff with jitter: base, 2×base, 4×base … capped, each scaled by a random
/// factor in [0.5, 1] so receivers that failed together do not all retry in the same instant.</summary>
public static class WebhookBackoff
{
    public static TimeSpan After(int failedAttempts, WebhookOptions options)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var delay = Math.Min(options.BackoffBase.TotalMilliseconds * Math.Pow(2, exponent), options.BackoffCap.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.5 + Random.Shared.NextDouble() / 2));
    }
}
