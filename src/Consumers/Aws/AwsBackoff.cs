namespace ShoppableVideo.Consumers.Aws;

/// <summary>"Full jitter" exponential backoff: after the n-th failed attempt wait a uniformly random time
/// between zero and min(cap, base * 2^(n-1)). Randomness spreads a crowd of throttled clients apart, which
/// a fixed exponential delay would keep in lock step.</summary>
public static class AwsBackoff
{
    public static TimeSpan Ceiling(int failedAttempts, TimeSpan @base, TimeSpan cap)
    {
        var exponent = Math.Min(failedAttempts - 1, 30);
        var ticks = Math.Min(cap.Ticks, @base.Ticks * (1L << exponent));
        return TimeSpan.FromTicks(Math.Max(ticks, 0));
    }

    public static TimeSpan Delay(int failedAttempts, TimeSpan @base, TimeSpan cap, Random random) =>
        TimeSpan.FromTicks((long)(random.NextDouble() * Ceiling(failedAttempts, @base, cap).Ticks));
}
