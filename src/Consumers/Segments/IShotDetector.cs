using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>Where a video's shots come from: the frame step's signals, in process (<see cref="AdaptiveShotDetector"/>),
/// or a service that looks at the stored video itself (<see cref="RekognitionSegmentDetector"/>). Either way
/// the shots are numbered in the signals' frames and tile 0..<see cref="FrameSignals.LastFrame"/>
/// (<see cref="Shot.Tiling"/>), so the representative frames are then picked the same way.</summary>
public interface IShotDetector
{
    /// <param name="stillRunning">Called while a remote job is still running, awaited before polling goes on:
    /// the step has no percentage to report, but must not look silent to the saga's step timeout.</param>
    Task<IReadOnlyList<Shot>> DetectShotsAsync(Guid videoId, StoredObject video, FrameSignals signals,
        Func<Task>? stillRunning = null, CancellationToken cancellationToken = default);
}
