using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Video;

/// <summary>Builds the command for the saga's current step from saga state alone. The same command is
/// sent when a step starts, when it timed out and is retried, and when a restarted host resumes.</summary>
public static class VideoStepCommands
{
    public static object For(VideoProcessingState saga)
    {
        var id = saga.CorrelationId;
        var video = saga.Video ?? throw new InvalidOperationException($"Video saga {id} has no video.");
        return saga.CurrentStep switch
        {
            VideoStepNames.Probe => new ProbeVideo(id, video),
            VideoStepNames.ExtractFrames => new ExtractFrames(id, video, Required(saga.Probe, id)),
            VideoStepNames.DetectSegments => new DetectSegments(id, video, Required(saga.Probe, id), Required(saga.FrameSignalsKey, id)),
            VideoStepNames.AnalyzeFrames => new AnalyzeFrames(id, saga.Segments),
            VideoStepNames.PublishMetadata => new PublishMetadata(
                id, video, Required(saga.Probe, id), saga.Segments, Required(saga.Analysis, id), saga.Matches),
            var step => throw new InvalidOperationException($"Video saga {id} has no command for step '{step}'."),
        };
    }

    static T Required<T>(T? value, Guid id) where T : class =>
        value ?? throw new InvalidOperationException($"Video saga {id} is missing {typeof(T).Name} for its step.");
}
