namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>A clock that says one time, so an expiry can be asserted exactly rather than within a tolerance.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>A clock the test moves on, so "most recent first" does not depend on how fast writes happen.</summary>
public sealed class MutableClock(DateTimeOffset start) : TimeProvider
{
    DateTimeOffset _now = start;

    public void Advance(TimeSpan by) => _now += by;

    public override DateTimeOffset GetUtcNow() => _now;
}
