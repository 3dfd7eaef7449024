using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Video;

/// <summary>Probe → ExtractFrames → DetectSegments → AnalyzeFrames → PublishMetadata → Completed | Failed.
/// Each step is a command to a consumer and a result event back; every step runs under a timeout that
/// re-issues it a bounded number of times. Completed and Failed are kept (not finalized) so their status
/// stays queryable and a repeated object event finds the saga and is ignored.</summary>
public class VideoProcessingStateMachine : StepMachine<VideoProcessingState, VideoStepTimedOut>
{
    public VideoProcessingStateMachine(StepPolicy policy) : base(VideoStep.Plan, policy)
    {
        InstanceState(x => x.CurrentState);

        Event(() => ObjectCreated, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => Probed, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => FramesExtracted, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => SegmentsDetected, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => FramesAnalyzed, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => MetadataPublished, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => StepProgressed, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => StepFailed, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => Resume, x => x.CorrelateById(m => m.Message.VideoId));
        Event(() => ProbeFaulted, x => x.CorrelateById(m => m.Message.Message.VideoId));
        Event(() => ExtractFaulted, x => x.CorrelateById(m => m.Message.Message.VideoId));
        Event(() => DetectFaulted, x => x.CorrelateById(m => m.Message.Message.VideoId));
        Event(() => AnalyzeFaulted, x => x.CorrelateById(m => m.Message.Message.VideoId));
        Event(() => PublishFaulted, x => x.CorrelateById(m => m.Message.Message.VideoId));

        Schedule(() => StepTimeout, x => x.StepTimeoutTokenId, s =>
        {
            s.Delay = policy.StepTimeout;
            s.Received = r => r.CorrelateById(m => m.Message.VideoId);
        });

        // Late or repeated events (a duplicate object event, a result for a step already retried) change nothing.
        OnUnhandledEvent(x => x.Ignore());

        Initially(
            When(ObjectCreated)
                .Then(x => (x.Saga.Video, x.Saga.CreatedAt) = (x.Message.Video, DateTimeOffset.UtcNow))
                .BeginStep(VideoStepNames.Probe, this)
                .TransitionTo(Probing));

        During(Probing,
            When(Probed)
                .Then(x => x.Saga.Probe = x.Message.Probe)
                .BeginStep(VideoStepNames.ExtractFrames, this)
                .TransitionTo(ExtractingFrames));

        During(ExtractingFrames,
            When(FramesExtracted)
                .Then(x => x.Saga.FrameSignalsKey = x.Message.FrameSignalsKey)
                .BeginStep(VideoStepNames.DetectSegments, this)
                .TransitionTo(DetectingSegments));

        During(DetectingSegments,
            When(SegmentsDetected)
                .Then(x => x.Saga.Segments = [.. x.Message.Segments])
                .BeginStep(VideoStepNames.AnalyzeFrames, this)
                .TransitionTo(AnalyzingFrames));

        During(AnalyzingFrames,
            When(FramesAnalyzed)
                .Then(x => (x.Saga.Analysis, x.Saga.Matches) = (x.Message.Analysis, [.. x.Message.Matches]))
                .BeginStep(VideoStepNames.PublishMetadata, this)
                .TransitionTo(PublishingMetadata));

        During(PublishingMetadata,
            When(MetadataPublished)
                .Then(x => x.Saga.DocumentKey = x.Message.DocumentKey)
                .SucceedAll(this)
                .Publish(x => CompletedEvent(x.Saga))
                .TransitionTo(Completed));

        // A step's command and timeout are sent after the saga is saved (the endpoint's in-memory outbox); a
        // process killed between the two leaves the previous step's result unacknowledged, and the broker hands
        // it to another process, which finds the saga already on the next step: see ResendStepIfRedelivered.
        During(Probing, When(ObjectCreated).ResendStepIfRedelivered(this));
        During(ExtractingFrames, When(Probed).ResendStepIfRedelivered(this));
        During(DetectingSegments, When(FramesExtracted).ResendStepIfRedelivered(this));
        During(AnalyzingFrames, When(SegmentsDetected).ResendStepIfRedelivered(this));
        During(PublishingMetadata, When(FramesAnalyzed).ResendStepIfRedelivered(this));

        // The completion is sent after the saga is saved (the endpoint's outbox); a process that dies between
        // the two leaves the step's result unacknowledged, and the broker hands it to another process, which
        // finds the video Completed. Announcing it again is what keeps the event from being lost: listeners
        // drop a repeat by its id.
        During(Completed,
            When(MetadataPublished).Publish(x => CompletedEvent(x.Saga)));

        During([Probing, ExtractingFrames, DetectingSegments, AnalyzingFrames, PublishingMetadata], [
            When(StepProgressed)
                .Then(x => x.Saga.ReportProgress(x.Message.Step, x.Message.Percent, Plan))
                .KeepStepAlive(this),
            When(StepFailed, x => x.Message.Step == x.Saga.CurrentStep)
                .FailStep(x => x.Message.Reason, this).TransitionTo(Failed),
            When(ProbeFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(ExtractFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(DetectFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(AnalyzeFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(PublishFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            .. RetryOrFailOnTimeout(Failed, Resume)]);
    }

    public State Probing { get; private set; } = null!;
    public State ExtractingFrames { get; private set; } = null!;
    public State DetectingSegments { get; private set; } = null!;
    public State AnalyzingFrames { get; private set; } = null!;
    public State PublishingMetadata { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<VideoObjectCreated> ObjectCreated { get; private set; } = null!;
    public Event<VideoProbed> Probed { get; private set; } = null!;
    public Event<FramesExtracted> FramesExtracted { get; private set; } = null!;
    public Event<SegmentsDetected> SegmentsDetected { get; private set; } = null!;
    public Event<FramesAnalyzed> FramesAnalyzed { get; private set; } = null!;
    public Event<MetadataPublished> MetadataPublished { get; private set; } = null!;
    public Event<VideoStepProgressed> StepProgressed { get; private set; } = null!;
    public Event<VideoStepFailed> StepFailed { get; private set; } = null!;
    public Event<ResumeVideoProcessing> Resume { get; private set; } = null!;
    public Event<Fault<ProbeVideo>> ProbeFaulted { get; private set; } = null!;
    public Event<Fault<ExtractFrames>> ExtractFaulted { get; private set; } = null!;
    public Event<Fault<DetectSegments>> DetectFaulted { get; private set; } = null!;
    public Event<Fault<AnalyzeFrames>> AnalyzeFaulted { get; private set; } = null!;
    public Event<Fault<PublishMetadata>> PublishFaulted { get; private set; } = null!;

    /// <summary>States after which nothing more happens; unfinished sagas are resumed at start-up.</summary>
    static VideoProcessingCompleted CompletedEvent(VideoProcessingState saga) =>
        new(saga.CorrelationId, saga.Video!, saga.DocumentKey!, saga.Segments.Count);

    public static IReadOnlyList<string> FinalStates { get; } = [nameof(Completed), nameof(Failed)];

    public override object FailureEventFor(VideoProcessingState saga) =>
        new VideoProcessingFailed(saga.CorrelationId, saga.Video!, saga.FailedStep ?? "", saga.FailureReason ?? "");

    public override object CommandFor(VideoProcessingState saga) => VideoStepCommands.For(saga);

    public override VideoStepTimedOut TimedOut(Guid correlationId) => new(correlationId);
}
