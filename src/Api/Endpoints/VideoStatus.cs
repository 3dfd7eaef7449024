using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

public record VideoStatus(
    Guid Id,
    StoredObject? Video,
    SagaStatus Status,
    VideoProbe? Probe,
    int SegmentCount,
    string? Analysis,
    string? DocumentKey)
{
    public static VideoStatus Of(VideoProcessingState saga) => new(
        saga.CorrelationId, saga.Video, SagaStatus.Of(saga, saga.CurrentState), saga.Probe,
        saga.Segments.Count, saga.Analysis, saga.DocumentKey);
}
