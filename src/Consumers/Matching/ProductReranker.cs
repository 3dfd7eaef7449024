namespace ShoppableVideo.Consumers.Matching;

/// <summary>The second pass of every product index's search: the k-NN pass found neighbours by appearance
/// alone; this scores each by appearance and colour together and keeps the best k. One implementation, so
/// the sqlite-vec and OpenSearch indexes rank the same vectors the same way.</summary>
public static class ProductReranker
{
    /// <param name="candidates">the k-NN neighbours with their appearance similarity (0..1) and stored colour.</param>
    public static IReadOnlyList<ProductHit> Rank(IEnumerable<ProductCandidate> candidates, float[] queryColour,
        double appearanceWeight, int k) =>
        candidates
            .Select(c => new ProductHit(c.ProductId, DescriptorSimilarity.Combined(
                c.AppearanceSimilarity,
                DescriptorSimilarity.Colour(queryColour, c.Colour),
                appearanceWeight)))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.ProductId, StringComparer.Ordinal)
            .Take(k)
            .ToList();
}

/// <summary>A k-NN neighbour before the rerank.</summary>
public sealed record ProductCandidate(string ProductId, double AppearanceSimilarity, float[] Colour);
