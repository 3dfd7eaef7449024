using Polly;
using Polly.Retry;

namespace ShoppableVideo.Consumers.Aws;

/// <summary>How to wait for a long-running AWS job (MediaConvert, Rekognition): a Polly retry that asks again
/// while the job is not done, waiting short at first, since small videos finish in seconds, then exponentially
/// longer (with jitter, so jobs submitted together are not polled in step) up to a ceiling, so an hour-long job
/// costs a few hundred requests rather than thousands. The clock is injectable so tests never sleep.</summary>
public sealed class PollingBackoff
{
    /// <summary>The wait after the first poll that found the job unfinished; it roughly doubles per poll.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Polls before the job is given up as stuck; with the defaults about 2.5 hours, past the
    /// frame step's own timeout.</summary>
    public int MaxPolls { get; init; } = 300;

    /// <summary>The clock the waits run on; the system's unless a test replaces it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Asks <paramref name="poll"/> until it returns a result, waiting with backoff in between.
    /// Errors are not polled through: the signed client has already retried what can be retried.</summary>
    /// <exception cref="TimeoutException">after <see cref="MaxPolls"/> polls without a result.</exception>
    public async Task<T> UntilDoneAsync<T>(string what, Func<CancellationToken, Task<T?>> poll, CancellationToken cancellationToken)
        where T : class
    {
        var builder = new ResiliencePipelineBuilder<T?> { TimeProvider = TimeProvider };
        if (MaxPolls > 1)
            builder.AddRetry(new RetryStrategyOptions<T?>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome is { Exception: null, Result: null }),
                MaxRetryAttempts = MaxPolls - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = InitialDelay,
                MaxDelay = MaxDelay,
            });
        var done = await builder.Build().ExecuteAsync(async token => await poll(token), cancellationToken);
        return done ?? throw new TimeoutException($"{what} did not finish after {MaxPolls} polls");
    }
}
