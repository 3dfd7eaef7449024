namespace ShoppableVideo.Consumers.Segments;

public sealed class RepresentativeFrameOptions
{
    /// <summary>A shot longer than this gets one frame per this many seconds: products come and go in a
    /// long take, and one frame from its middle would miss them.</summary>
    public double SecondsPerFrame { get; init; } = 5;
}
