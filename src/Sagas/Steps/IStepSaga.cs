using MassTransit;

namespace ShoppableVideo.Sagas.Steps;

/// <summary>A saga that runs a fixed sequence of steps, each a command to a consumer. The step
/// bookkeeping (timings, retries, failure reason, percent) is the same for every such saga.</summary>
public interface IStepSaga : SagaStateMachineInstance
{
    string? CurrentStep { get; set; }
    double Percent { get; set; }
    List<StepTiming> Timings { get; set; }
    string? FailedStep { get; set; }
    string? FailureReason { get; set; }
    DateTimeOffset? FinishedAt { get; set; }
}
