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

    /// <summary>The event announcing that this saga failed, built after the failure was recorded.</summary>
    public abstract object FailureEventFor(TSaga saga);

    /// <summary>What every running step does on its timeout and on a resume after a restart: re-issue
    /// the step while attempts remain, then fail it.</summary>
    protected EventActivities<TSaga>[] RetryOrFailOnTimeout<TResume>(State failed, Event<TResume> resume)
        where TResume : class =>
    [
        When(StepTimeout.Received, x => x.Saga.MayRetryStep(Policy))
            .RetryStep(this),
        When(StepTimeout.Received, x => !x.Saga.MayRetryStep(Policy))
            .FailStep(_ => Policy.TimedOutReason, this).TransitionTo(failed),
        When(resume)
            .RetryStep(this),
    ];

    protected static string FaultReason<T>(Fault<T> fault) =>
        fault.Exceptions.FirstOrDefault()?.Message ?? "the step failed without an exception message";
}
