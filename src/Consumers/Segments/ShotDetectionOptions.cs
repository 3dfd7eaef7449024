namespace ShoppableVideo.Consumers.Segments;

/// <summary>PySceneDetect's AdaptiveDetector defaults, which hold up on real footage.</summary>
public sealed class ShotDetectionOptions
{
    /// <summary>A frame is a cut when its score is this many times the mean score of its neighbours:
    /// a camera pan scores high on every frame, a cut only on one.</summary>
    public double AdaptiveThreshold { get; init; } = 3.0;

    /// <summary>And its own score is at least this, so a still shot with tiny noise never cuts.</summary>
    public double MinContentValue { get; init; } = 15;

    /// <summary>Neighbours on each side that form the local mean.</summary>
    public int WindowFrames { get; init; } = 2;

    /// <summary>No shot shorter than this (about 0.6 s at 25 fps): flashes and fast motion do not split.</summary>
    public int MinShotFrames { get; init; } = 15;
}
