using MassTransit;

namespace ShoppableVideo.Sagas.Steps;

/// <summary>Base for state machines that run a sequence of steps: it owns the step timeout schedule, the
/// plan, the retry policy and the way each step's command is built.</summary>
public abstract class StepMachine<TSaga, TTimeout> : MassTransitStateMachine<TSaga>
    where TSaga : class, IStepSaga
    where TTimeout : class
{
    protected StepMachine(StepPlan plan, StepPolicy policy)
    {
        Plan = plan;
        Policy = policy;
    }

    public StepPlan Plan { get; }
    public StepPolicy Policy { get; }

    public Schedule<TSaga, TTimeout> StepTimeout { get; protected set; } = null!;

    /// <summary>The command for the saga's current step, built from saga state alone.</summary>
    public abstract object CommandFor(TSaga saga);

    public abstract TTimeout TimedOut(Guid correlationId);

    protected static string FaultReason<T>(Fault<T> fault) =>
        fault.Exceptions.FirstOrDefault()?.Message ?? "the step failed without an exception message";
}
