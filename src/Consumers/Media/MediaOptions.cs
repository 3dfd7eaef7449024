using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;

namespace ShoppableVideo.Consumers.Media;

/// <summary>Every knob of the media steps in one place, for the composition root to bind or override.</summary>
public sealed class MediaOptions
{
    public MediaTools Tools { get; set; } = new();
    public MediaLimits Limits { get; set; } = new();
    public FrameExtractionOptions Extraction { get; set; } = new();
    public ShotDetectionOptions ShotDetection { get; set; } = new();
    public RepresentativeFrameOptions RepresentativeFrames { get; set; } = new();
}
