using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>What status shows of any saga: where it is, how far, how long each step took, and why it
/// failed if it did.</summary>
public record SagaStatus(
    Guid Id,
    string State,
    string? CurrentStep,
    double Percent,
    IReadOnlyList<StepTimingView> Timings,
    string? FailedStep,
    string? FailureReason,
    DateTimeOffset? FinishedAt)
{
    public static SagaStatus Of(IStepSaga saga, string state) => new(
        saga.CorrelationId, state, saga.CurrentStep, saga.Percent,
        saga.Timings.Select(t => new StepTimingView(t.Step, t.StartedAt, t.FinishedAt, t.Seconds, t.Attempts)).ToList(),
        saga.FailedStep, saga.FailureReason, saga.FinishedAt);
}

public record StepTimingView(string Step, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, double? Seconds, int Attempts);
