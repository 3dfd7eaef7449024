namespace ShoppableVideo.Consumers.Aws;

/// <summary>How long to wait between status polls of a long-running AWS job (MediaConvert, Rekognition):
/// short at first, since small videos finish in seconds, doubling up to a ceiling so an hour-long job costs
/// a few hundred requests rather than thousands. The wait itself is injectable so tests never sleep.</summary>
public sealed class PollingBackoff
{
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    public double Factor { get; init; } = 2;

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Polls before the job is given up as stuck; with the defaults about 2.5 hours, past the
    /// frame step's own timeout.</summary>
    public int MaxPolls { get; init; } = 300;

    /// <summary>The wait between polls; Task.Delay unless a test replaces it.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The wait before poll number <paramref name="poll"/> (0 is the first poll after submitting).</summary>
    public TimeSpan DelayBefore(int poll)
    {
        var seconds = InitialDelay.TotalSeconds * Math.Pow(Factor, Math.Min(poll, 62));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxDelay.TotalSeconds));
    }

    /// <summary>Asks <paramref name="poll"/> until it returns a result, waiting with backoff in between.</summary>
    /// <exception cref="TimeoutException">after <see cref="MaxPolls"/> polls without a result.</exception>
    public async Task<T> UntilDoneAsync<T>(string what, Func<CancellationToken, Task<T?>> poll, CancellationToken cancellationToken)
        where T : class
    {
        for (var attempt = 0; attempt < MaxPolls; attempt++)
        {
            await Delay(DelayBefore(attempt), cancellationToken);
            if (await poll(cancellationToken) is { } done)
                return done;
        }
        throw new TimeoutException($"{what} did not finish after {MaxPolls} polls");
    }
}
