using System.Collections.Concurrent;

namespace ShoppableVideo.Sagas.Tests.Video;

/// <summary>What the scripted step consumers do with each command, per step name.</summary>
public sealed class StepScript
{
    readonly ConcurrentDictionary<string, StepBehaviour> behaviours = new();
    readonly ConcurrentDictionary<string, int> received = new();

    public StepScript On(string step, StepBehaviour behaviour)
    {
        behaviours[step] = behaviour;
        return this;
    }

    public int Received(string step) => received.GetValueOrDefault(step);

    /// <summary>Counts the command and says what to do with this delivery of it.</summary>
    public StepBehaviour Next(string step)
    {
        var count = received.AddOrUpdate(step, 1, (_, n) => n + 1);
        var behaviour = behaviours.GetValueOrDefault(step, StepBehaviour.Succeed);
        return behaviour == StepBehaviour.IgnoreFirstThenSucceed
            ? count == 1 ? StepBehaviour.Ignore : StepBehaviour.Succeed
            : behaviour;
    }
}

public enum StepBehaviour
{
    Succeed,
    RejectInput,
    Throw,
    Ignore,
    IgnoreFirstThenSucceed,
}
