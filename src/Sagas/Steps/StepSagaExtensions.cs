namespace ShoppableVideo.Sagas.Steps;

/// <summary>The bookkeeping a step saga does on each transition, kept out of the state machines so they
/// read as lists of transitions.</summary>
public static class StepSagaExtensions
{
    public static void BeginStep(this IStepSaga saga, string step, StepPlan plan, DateTimeOffset now)
    {
        saga.FinishStep(now);
        saga.CurrentStep = step;
        saga.Percent = plan.OverallPercent(step, 0);
        saga.Timings.Add(new StepTiming { Step = step, StartedAt = now, Attempts = 1 });
    }

    public static void CountAttempt(this IStepSaga saga)
    {
        if (saga.CurrentTiming() is { } timing)
            timing.Attempts++;
    }

    public static bool MayRetryStep(this IStepSaga saga, StepPolicy policy) =>
        (saga.CurrentTiming()?.Attempts ?? int.MaxValue) < policy.MaxAttempts;

    public static void ReportProgress(this IStepSaga saga, string step, double stepPercent, StepPlan plan)
    {
        if (step == saga.CurrentStep)
            saga.Percent = Math.Max(saga.Percent, plan.OverallPercent(step, stepPercent));
    }

    public static void Succeed(this IStepSaga saga, DateTimeOffset now)
    {
        saga.FinishStep(now);
        saga.CurrentStep = null;
        saga.Percent = 100;
        saga.FinishedAt = now;
    }

    public static void Fail(this IStepSaga saga, string reason, DateTimeOffset now)
    {
        saga.FinishStep(now);
        saga.FailedStep = saga.CurrentStep ?? "";
        saga.FailureReason = reason;
        saga.FinishedAt = now;
    }

    static void FinishStep(this IStepSaga saga, DateTimeOffset now)
    {
        if (saga.CurrentTiming() is { FinishedAt: null } timing)
            timing.FinishedAt = now;
    }

    static StepTiming? CurrentTiming(this IStepSaga saga) =>
        saga.Timings.LastOrDefault(t => t.Step == saga.CurrentStep);
}
