namespace ShoppableVideo.Benchmarks;

/// <summary>Precision, recall and F1 of detected cuts against ground truth; a detected cut matches an
/// unmatched true cut within the tolerance, each true cut matching at most once.</summary>
public static class CutScore
{
    public static double F1(IReadOnlyList<long> truth, IReadOnlyList<long> found, int tolerance = 1)
    {
        if (truth.Count == 0 && found.Count == 0)
            return 1;
        var unmatched = truth.ToList();
        var hits = 0;
        foreach (var cut in found)
        {
            var match = unmatched.FindIndex(t => Math.Abs(t - cut) <= tolerance);
            if (match < 0)
                continue;
            unmatched.RemoveAt(match);
            hits++;
        }
        if (hits == 0)
            return 0;
        double precision = (double)hits / found.Count, recall = (double)hits / truth.Count;
        return 2 * precision * recall / (precision + recall);
    }
}
