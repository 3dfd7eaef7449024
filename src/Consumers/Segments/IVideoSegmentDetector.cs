using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>Shots found by looking at the stored video itself, for profiles with no frame signals of their
/// own (aws: Rekognition). The segments are indexed 0.. in time order and tile the timeline the way
/// <see cref="SegmentBuilder"/>'s do; their Frames are empty, since choosing representative frames needs
/// the sampled frames (<see cref="Frames.IFrameSampler"/>), which come from another service.</summary>
public interface IVideoSegmentDetector
{
    Task<IReadOnlyList<Segment>> DetectAsync(Guid videoId, StoredObject video, CancellationToken cancellationToken = default);
}
