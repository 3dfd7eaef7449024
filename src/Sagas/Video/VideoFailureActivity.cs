using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Video;

/// <summary>Announces a failed video with the step and reason the saga recorded.</summary>
static class VideoFailureActivity
{
    public static EventActivityBinder<VideoProcessingState, T> PublishFailure<T>(
        this EventActivityBinder<VideoProcessingState, T> binder) where T : class =>
        binder.Publish(x => new VideoProcessingFailed(
            x.Saga.CorrelationId, x.Saga.Video!, x.Saga.FailedStep ?? "", x.Saga.FailureReason ?? ""));
}
