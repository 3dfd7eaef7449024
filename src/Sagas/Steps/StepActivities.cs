using MassTransit;

namespace ShoppableVideo.Sagas.Steps;

/// <summary>The side effects of a step saga: starting, re-issuing and failing a step. Each records the
/// step in saga state, sends the step's command (built from saga state alone by
/// <see cref="IStepCommands{TSaga}"/>) and (re)arms the step's timeout.</summary>
public static class StepActivities
{
    public static EventActivityBinder<TSaga, T> BeginStep<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, string step, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder
            .Then(x => x.Saga.BeginStep(step, machine.Plan, DateTimeOffset.UtcNow))
            .IssueCurrentStep(machine);

    /// <summary>Sends the current step's command again: after a timeout, or when a restarted host
    /// resumes the saga. Consumers are idempotent, so a step that did finish just reports again.</summary>
    public static EventActivityBinder<TSaga, T> RetryStep<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder
            .Then(x => x.Saga.CountAttempt())
            .IssueCurrentStep(machine);

    /// <summary>A progress report proves the step is alive: it restarts the step's timeout.</summary>
    public static EventActivityBinder<TSaga, T> KeepStepAlive<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder.Schedule(machine.StepTimeout, x => machine.TimedOut(x.Saga.CorrelationId));

    /// <summary>The previous step's result, heard again after the saga moved on to this step. The process that
    /// handled it first saved the saga and was then to send this step's command (the endpoint's outbox sends
    /// after the save). Redelivered by the broker, the result says that process died before acknowledging it,
    /// perhaps before the command went out: the command is sent again at once instead of after the step's whole
    /// timeout (ten minutes by default, which a killed worker's videos used to wait). A plain repeat (a second
    /// announcement of the video, a step that answered twice) only restarts the timeout, so a repeat never
    /// redoes a step, and one step's duplicate answer cannot ripple into the steps after it.</summary>
    public static EventActivityBinder<TSaga, T> ResendStepIfRedelivered<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder.IfElse(x => x.ReceiveContext.Redelivered,
            redelivered => redelivered.RetryStep(machine),
            repeated => repeated.KeepStepAlive(machine));

    public static EventActivityBinder<TSaga, T> FailStep<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder,
        Func<BehaviorContext<TSaga, T>, string> reason,
        StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder
            .Unschedule(machine.StepTimeout)
            .Then(x => x.Saga.Fail(reason(x), DateTimeOffset.UtcNow))
            .ThenAsync(x => x.Publish(machine.FailureEventFor(x.Saga), x.CancellationToken));

    public static EventActivityBinder<TSaga, T> SucceedAll<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder
            .Unschedule(machine.StepTimeout)
            .Then(x => x.Saga.Succeed(DateTimeOffset.UtcNow));

    static EventActivityBinder<TSaga, T> IssueCurrentStep<TSaga, T, TTimeout>(
        this EventActivityBinder<TSaga, T> binder, StepMachine<TSaga, TTimeout> machine)
        where TSaga : class, IStepSaga
        where T : class
        where TTimeout : class =>
        binder
            .ThenAsync(x => x.Publish(machine.CommandFor(x.Saga), x.CancellationToken))
            .Schedule(machine.StepTimeout, x => machine.TimedOut(x.Saga.CorrelationId));
}
