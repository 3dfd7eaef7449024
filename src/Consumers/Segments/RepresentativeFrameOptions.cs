namespace ShoppableVideo.Consumers.Segments;

public sealed class RepresentativeFrameOptions
{
    /// <summary>A long shot gets one frame per this many seconds: products come and go in a long take, and
    /// frames from its middle alone would miss them.</summary>
    public double SecondsPerFrame { get; init; } = 3;

    /// <summary>Every shot gets at least this many frames, spread across it, when its candidates allow: a
    /// product is decided by how the frames vote, and one frame cannot outvote a lucky neighbour.</summary>
    public int MinFramesPerShot { get; init; } = 3;
}
