using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>Where a video's shots come from: the frame step's signals, in process (<see cref="AdaptiveShotDetector"/>),
/// or a service that looks at the stored video itself (<see cref="RekognitionSegmentDetector"/>). Either way
/// the shots are numbered in the signals' frames and tile 0..<see cref="FrameSignals.LastFrame"/>
/// (<see cref="Shot.Tiling"/>), so the representative frames are then picked the same way.</summary>
public interface IShotDetector
{
    Task<IReadOnlyList<Shot>> DetectShotsAsync(Guid videoId, StoredObject video, FrameSignals signals,
        CancellationToken cancellationToken = default);
}
