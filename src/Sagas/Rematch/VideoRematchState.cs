using MassTransit;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Rematch;

/// <summary>One re-match of one processed video after one catalog change, persisted with the other sagas.</summary>
public class VideoRematchState : IStepSaga, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public Guid VideoId { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The document version served after the re-match, its key, and whether this re-match wrote it.</summary>
    public int DocumentVersion { get; set; }
    public string? DocumentKey { get; set; }
    public bool Changed { get; set; }
    public string? Outcome { get; set; }

    public string? CurrentStep { get; set; }
    public double Percent { get; set; }
    public List<StepTiming> Timings { get; set; } = [];
    public Guid? StepTimeoutTokenId { get; set; }

    public string? FailedStep { get; set; }
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
