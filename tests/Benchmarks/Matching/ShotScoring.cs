namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Judges detected segments against the ground truth. Each true shot is judged by the detected segment
/// covering its middle: a cut found a few frames off still judges the right shot, and a missed cut
/// judges the shot by whatever segment swallowed it, which is what a viewer would see. Pure.
/// </summary>
public static class ShotScoring
{
    public static IReadOnlyList<JudgedShot> Judge(IReadOnlyList<GroundTruthShot> truth,
        IReadOnlyDictionary<string, IReadOnlyList<DetectedShot>> detected, double minScore = 0) =>
        truth.Select(t => new JudgedShot(t, Covering(detected.GetValueOrDefault(t.Video, []), t.MiddleSeconds)?.ListedAt(minScore) ?? []))
            .ToList();

    public static ShotScore Score(IReadOnlyList<GroundTruthShot> truth,
        IReadOnlyDictionary<string, IReadOnlyList<DetectedShot>> detected, double minScore = 0) =>
        ShotScore.Of(Judge(truth, detected, minScore));

    /// <summary>Product shots of one framing with all distractors, so each row carries the same distractor figures.</summary>
    public static ShotScore ScoreFraming(IReadOnlyList<JudgedShot> judged, string framing) =>
        ShotScore.Of(judged.Where(s => s.Truth.IsDistractor || s.Truth.Framing == framing));

    /// <summary>The last segment that starts at or before the moment; null before the first one.</summary>
    public static DetectedShot? Covering(IReadOnlyList<DetectedShot> segments, double seconds) =>
        segments.Where(s => s.StartSeconds <= seconds).MaxBy(s => s.StartSeconds);
}
