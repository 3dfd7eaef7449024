namespace ShoppableVideo.Consumers.Frames;

public sealed class FrameExtractionOptions
{
    /// <summary>Size of the frames the shot signals are computed on. PySceneDetect works on downscaled
    /// frames too: cuts are visible at thumbnail size, and small frames keep the pass near decode speed.</summary>
    public int SignalWidth { get; init; } = 128;
    public int SignalHeight { get; init; } = 72;

    /// <summary>Full-resolution candidates kept per second of video (one every fps/N frames). One a second
    /// is enough to find a sharp frame in every shot; each full-resolution JPEG costs encode time in the
    /// decode pass (two a second made the pass ~1.6x decode time instead of ~1.3x).</summary>
    public double CandidatesPerSecond { get; init; } = 1;

    /// <summary>Never keep candidates further apart than the shortest shot, so every shot holds at least
    /// one (any run of K consecutive frames holds a multiple of K). Keep it &lt;= MinShotFrames.</summary>
    public int MaxCandidateInterval { get; init; } = 15;

    /// <summary>ffmpeg's -q:v for the candidate JPEGs (2 best .. 31 worst).</summary>
    public int JpegQuality { get; init; } = 3;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    public int CandidateIntervalFor(double framesPerSecond) =>
        Math.Clamp((int)Math.Round(framesPerSecond / CandidatesPerSecond), 1, Math.Max(1, MaxCandidateInterval));
}
