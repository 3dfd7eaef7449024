namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>Holds the first delivery of one step's command until the test releases it, so the test can
/// act (stop the broker) at a known point of the flow: after the previous step, with this one in hand.</summary>
public sealed class StepHold(string? step = null)
{
    readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int taken;

    public Task Reached => reached.Task;

    public void Release() => released.TrySetResult();

    public async Task PassAsync(string arrivingStep)
    {
        if (arrivingStep != step || Interlocked.Exchange(ref taken, 1) == 1)
            return;
        reached.TrySetResult();
        await released.Task;
    }
}
