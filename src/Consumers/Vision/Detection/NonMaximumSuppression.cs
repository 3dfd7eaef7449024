namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>Greedy, class-aware NMS: a box is dropped only by a better-scoring box of the same class
/// that overlaps it by more than the IoU threshold, so a bag on a person survives the person.</summary>
public static class NonMaximumSuppression
{
    public static IReadOnlyList<Detection> Apply(IReadOnlyList<Detection> candidates, float iouThreshold, int maxDetections)
    {
        var kept = new List<Detection>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score))
        {
            if (kept.Count >= maxDetections)
                break;
            if (!kept.Any(k => k.ClassId == candidate.ClassId && k.Box.IntersectionOverUnion(candidate.Box) > iouThreshold))
                kept.Add(candidate);
        }
        return kept;
    }
}
