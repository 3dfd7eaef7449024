namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>The lookbook figures as plain-text tables: over thresholds, and per framing and distractor source.</summary>
public static class ShotTables
{
    public static void PrintThresholds(IReadOnlyList<GroundTruthShot> truth, IReadOnlyDictionary<string, IReadOnlyList<DetectedShot>> detected,
        IEnumerable<double> thresholds)
    {
        Console.WriteLine("MinScore  recall@1  recall@3  recall@5  empty  distractor_clean  distractor_exact  exact_precision");
        foreach (var threshold in thresholds)
        {
            var s = ShotScoring.Score(truth, detected, threshold);
            Console.WriteLine($"{threshold,8:0.00}  {s.RecallAt1,8:F3}  {s.RecallAt3,8:F3}  {s.RecallAt5,8:F3}  {s.EmptyProductShare,5:F3}  " +
                $"{s.DistractorClean,16:F3}  {s.DistractorExact,16:F3}  {s.ExactPrecision,15:F3}");
        }
    }

    public static void PrintFramings(IReadOnlyList<JudgedShot> judged, double minScore)
    {
        Console.WriteLine($"per framing at MinScore {minScore:0.00}:");
        Console.WriteLine("framing       shots  recall@1  recall@3  recall@5  empty  exact_recall  exact_precision");
        foreach (var framing in ShotFramings.ProductFramings.Append("all"))
        {
            var s = ShotScore.Of(judged.Where(j => !j.Truth.IsDistractor && (framing == "all" || j.Truth.Framing == framing)));
            Console.WriteLine($"{framing,-12}  {s.ProductShots,5}  {s.RecallAt1,8:F3}  {s.RecallAt3,8:F3}  {s.RecallAt5,8:F3}  {s.EmptyProductShare,5:F3}  " +
                $"{s.ExactRecall,12:F3}  {s.ExactPrecision,15:F3}");
        }
        Console.WriteLine("distractor source               shots  clean  with_exact");
        var distractors = judged.Where(j => j.Truth.IsDistractor).ToList();
        foreach (var (source, shots) in distractors.GroupBy(j => j.Truth.Origin).Select(g => (g.Key, g.ToList())).Append(("all", distractors)))
        {
            var s = ShotScore.Of(shots);
            Console.WriteLine($"{source,-30}  {s.Distractors,5}  {s.DistractorClean,5:F3}  {s.DistractorExact,10:F3}");
        }
    }
}
