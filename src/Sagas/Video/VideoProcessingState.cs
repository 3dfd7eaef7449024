using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Video;

/// <summary>Everything the VideoProcessing saga knows about one video. It is persisted after every
/// event, so a restarted process can re-issue the current step from here alone.</summary>
public class VideoProcessingState : IStepSaga, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public StoredObject? Video { get; set; }
    public VideoProbe? Probe { get; set; }
    public string? FrameSignalsKey { get; set; }
    public List<Segment> Segments { get; set; } = [];
    public string? Analysis { get; set; }
    public List<SegmentMatches> Matches { get; set; } = [];
    public string? DocumentKey { get; set; }

    public string? CurrentStep { get; set; }
    public double Percent { get; set; }
    public List<StepTiming> Timings { get; set; } = [];
    public Guid? StepTimeoutTokenId { get; set; }

    public string? FailedStep { get; set; }
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
