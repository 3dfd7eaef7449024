namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>Settings under <c>ShoppableVideo:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "ShoppableVideo:Webhooks";

    /// <summary>Attempts per delivery, the first included, before it is given up as Failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; it doubles each time up to <see cref="BackoffCap"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one delivery or handshake request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries in flight at once, across all subscribers.</summary>
    public int MaxParallelDeliveries { get; set; } = 16;

    /// <summary>How often the dispatcher looks for due retries when nothing wakes it sooner.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Off by default: subscribers are user-supplied URLs, and loopback or private addresses
    /// would let a key holder make this server call into its own network.</summary>
    public bool AllowPrivateNetworks { get; set; }
}
