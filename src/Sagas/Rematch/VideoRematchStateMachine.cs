using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Rematch;

/// <summary>Rematch → Completed | Failed: one step, a command to the re-match consumer (k-NN and shot vote over
/// the video's stored descriptors) under the same timeout and retry policy as every other step. A re-match that
/// wrote a new document version announces it (<see cref="VideoRematched"/>, <c>video.rematched</c>); one whose
/// matches equal the latest version's completes quietly. Completed and Failed are kept, so a repeated request
/// for the same catalog change finds the saga and is ignored.</summary>
public class VideoRematchStateMachine : StepMachine<VideoRematchState, VideoRematchTimedOut>
{
    public static StepPlan RematchPlan { get; } = new((RematchStepNames.Rematch, 1));

    public VideoRematchStateMachine(StepPolicy policy) : base(RematchPlan, policy)
    {
        InstanceState(x => x.CurrentState);

        Event(() => Requested, x => x.CorrelateById(m => m.Message.RematchId));
        Event(() => Result, x => x.CorrelateById(m => m.Message.RematchId));
        Event(() => StepFailed, x => x.CorrelateById(m => m.Message.RematchId));
        Event(() => Resume, x => x.CorrelateById(m => m.Message.RematchId));
        Event(() => RematchFaulted, x => x.CorrelateById(m => m.Message.Message.RematchId));

        Schedule(() => StepTimeout, x => x.StepTimeoutTokenId, s =>
        {
            s.Delay = policy.StepTimeout;
            s.Received = r => r.CorrelateById(m => m.Message.RematchId);
        });

        OnUnhandledEvent(x => x.Ignore());

        Initially(
            When(Requested)
                .Then(x => (x.Saga.VideoId, x.Saga.Reason, x.Saga.CreatedAt) = (x.Message.VideoId, x.Message.Reason, DateTimeOffset.UtcNow))
                .BeginStep(RematchStepNames.Rematch, this)
                .TransitionTo(Rematching));

        During(Rematching, [
            When(Result)
                .Then(x => (x.Saga.DocumentVersion, x.Saga.DocumentKey, x.Saga.Changed, x.Saga.Outcome) =
                    (x.Message.Version, x.Message.DocumentKey, x.Message.Changed, x.Message.Outcome))
                .SucceedAll(this)
                .If(x => x.Saga.Changed, announce => announce.Publish(x => RematchedEvent(x.Saga)))
                .TransitionTo(Completed),
            When(Requested).ResendStepIfRedelivered(this),
            When(StepFailed).FailStep(x => x.Message.Reason, this).TransitionTo(Failed),
            When(RematchFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            .. RetryOrFailOnTimeout(Failed, Resume)]);

        // As for a processed video: the announcement is sent after the saga is saved, so a redelivered result
        // that finds the saga Completed announces again (listeners drop a repeat by its id).
        During(Completed,
            When(Result, x => x.Saga.Changed).Publish(x => RematchedEvent(x.Saga)));
    }

    public State Rematching { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<VideoRematchRequested> Requested { get; private set; } = null!;
    public Event<VideoRematchResult> Result { get; private set; } = null!;
    public Event<RematchStepFailed> StepFailed { get; private set; } = null!;
    public Event<ResumeVideoRematch> Resume { get; private set; } = null!;
    public Event<Fault<RematchVideo>> RematchFaulted { get; private set; } = null!;

    public static IReadOnlyList<string> FinalStates { get; } = [nameof(Completed), nameof(Failed)];

    static VideoRematched RematchedEvent(VideoRematchState saga) =>
        new(saga.CorrelationId, saga.VideoId, saga.DocumentVersion, saga.DocumentKey!, saga.Reason);

    public override object CommandFor(VideoRematchState saga) => new RematchVideo(saga.CorrelationId, saga.VideoId, saga.Reason);

    public override VideoRematchTimedOut TimedOut(Guid correlationId) => new(correlationId);

    public override object FailureEventFor(VideoRematchState saga) =>
        new VideoRematchFailed(saga.CorrelationId, saga.VideoId, saga.FailureReason ?? "");
}
