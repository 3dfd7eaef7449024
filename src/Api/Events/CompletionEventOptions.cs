namespace ShoppableVideo.Api.Events;

/// <summary>Settings under <c>ShoppableVideo:Events</c>.</summary>
public sealed class CompletionEventOptions
{
    public const string Section = "ShoppableVideo:Events";

    /// <summary>How many recent events a reconnecting SSE client can resume from.</summary>
    public int RecentEvents { get; set; } = 256;

    /// <summary>Events buffered per SSE client before its oldest are dropped.</summary>
    public int ClientBuffer { get; set; } = 256;

    /// <summary>A comment line this often keeps proxies from closing an idle stream.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
