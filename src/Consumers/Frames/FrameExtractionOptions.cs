namespace ShoppableVideo.Consumers.Frames;

public sealed class FrameExtractionOptions
{
    /// <summary>Size of the frames the shot signals are computed on. PySceneDetect works on downscaled
    /// frames too: cuts are visible at thumbnail size, and small frames keep the pass near decode speed.</summary>
    public int SignalWidth { get; init; } = 128;
    public int SignalHeight { get; init; } = 72;

    /// <summary>Candidates kept per second of video (one every fps/N frames). One a second is enough to find
    /// a sharp frame in every shot.</summary>
    public double CandidatesPerSecond { get; init; } = 1;

    /// <summary>Never keep candidates further apart than the shortest shot, so every shot holds at least
    /// one (any run of K consecutive frames holds a multiple of K). Keep it &lt;= MinShotFrames.</summary>
    public int MaxCandidateInterval { get; init; } = 15;

    /// <summary>Candidates are kept as raw BGR frames (<see cref="RawFrameFormat"/>) whose longer side is at
    /// most this: the size analysis works at, so it decodes nothing. Full-resolution JPEG candidates were
    /// what made the decode pass miss its speed target (their encode was ~0.3x of decode time).</summary>
    public int AnalysisMaxSide { get; init; } = 640;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Where a decode keeps its candidate frames until they are stored, one folder per run. The
    /// embedded profile points it into its data folder and sweeps it at start-up (whatever is there was
    /// left by a killed process); null uses the system temp folder, which nobody sweeps.</summary>
    public string? ScratchFolder { get; set; }

    public int CandidateIntervalFor(double framesPerSecond) =>
        Math.Clamp((int)Math.Round(framesPerSecond / CandidatesPerSecond), 1, Math.Max(1, MaxCandidateInterval));
}
