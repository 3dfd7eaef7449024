namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>A clock whose waits do not wait: it records every delay asked of it (Polly's retry waits through
/// its TimeProvider), moves its own time on by that much and lets the waiter go at once.</summary>
public sealed class RecordingClock(DateTimeOffset start) : TimeProvider
{
    readonly Lock gate = new();
    readonly List<TimeSpan> waits = [];
    DateTimeOffset now = start;

    public RecordingClock() : this(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Waits { get { lock (gate) return [.. waits]; } }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
            return now;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (gate)
            {
                waits.Add(dueTime);
                now += dueTime;
            }
            // Fired on the pool, after CreateTimer has returned, as a real timer would.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new Fired();
    }

    sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
