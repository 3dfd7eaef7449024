namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Scores detected segments against the ground truth. Each true shot is judged by the detected segment
/// covering its middle: a cut found a few frames off still judges the right shot, and a missed cut
/// judges the shot by whatever segment swallowed it, which is what a viewer would see.
/// </summary>
public static class ShotScoring
{
    public static ShotScore Score(IReadOnlyList<GroundTruthShot> truth, IReadOnlyDictionary<string, IReadOnlyList<DetectedShot>> detected,
        double minScore = 0)
    {
        int productShots = 0, first = 0, topFive = 0, distractors = 0, clean = 0;
        foreach (var shot in truth)
        {
            var products = Covering(detected.GetValueOrDefault(shot.Video, []), shot.MiddleSeconds)?.ReportedAt(minScore) ?? [];
            if (shot.ProductId is null)
            {
                distractors++;
                if (products.Count == 0)
                    clean++;
                continue;
            }
            productShots++;
            var rank = products.Take(5).ToList().IndexOf(shot.ProductId);
            if (rank == 0)
                first++;
            if (rank >= 0)
                topFive++;
        }
        return new ShotScore(productShots, first, topFive, distractors, clean);
    }

    /// <summary>The last segment that starts at or before the moment; null before the first one.</summary>
    public static DetectedShot? Covering(IReadOnlyList<DetectedShot> segments, double seconds) =>
        segments.Where(s => s.StartSeconds <= seconds).MaxBy(s => s.StartSeconds);
}
