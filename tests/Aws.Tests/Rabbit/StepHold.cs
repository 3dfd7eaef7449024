namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>Holds the first arrival of one step's command (or, in the saga, of one message) until the test
/// releases it, so the test can act (stop the broker) at a known point of the flow.</summary>
public sealed class StepHold(string? step = null)
{
    readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int taken;

    public Task Reached => reached.Task;

    public void Release() => released.TrySetResult();

    /// <returns>whether this arrival was the one held.</returns>
    public async Task<bool> PassAsync(string arrivingStep)
    {
        if (arrivingStep != step || Interlocked.Exchange(ref taken, 1) == 1)
            return false;
        reached.TrySetResult();
        await released.Task;
        return true;
    }
}
