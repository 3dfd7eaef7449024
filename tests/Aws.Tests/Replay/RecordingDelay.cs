namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>The wait between polls, replaced: it records what it was asked to wait and returns at once.</summary>
public sealed class RecordingDelay
{
    public List<TimeSpan> Waits { get; } = [];

    public Task Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        Waits.Add(delay);
        return Task.CompletedTask;
    }
}
