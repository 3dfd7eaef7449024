namespace ShoppableVideo.Consumers.Matching;

/// <summary>The second pass of every product index's search: the k-NN pass only found which products are
/// near on appearance; this scores each of them exactly, over every pair of query view and product view, by
/// appearance and colour together, and keeps the best k. One implementation, so the sqlite-vec and
/// OpenSearch indexes rank the same vectors the same way.</summary>
public static class ProductReranker
{
    public static IReadOnlyList<ProductHit> Rank(ItemDescriptor query, IEnumerable<ProductViews> candidates, double appearanceWeight, int k) =>
        candidates
            .Select(c => new ProductHit(c.ProductId, BestPair(query, c.Views, appearanceWeight), c.Kind))
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.ProductId, StringComparer.Ordinal)
            .Take(k)
            .ToList();

    /// <summary>The score of the best-matching pair of views.</summary>
    public static double BestPair(ItemDescriptor query, IReadOnlyList<ItemView> product, double appearanceWeight)
    {
        var best = 0.0;
        foreach (var q in query.Views)
            foreach (var p in product)
                best = Math.Max(best, DescriptorSimilarity.Combined(
                    DescriptorSimilarity.Appearance(q.Appearance, p.Appearance),
                    DescriptorSimilarity.Colour(q.Colour, p.Colour),
                    appearanceWeight));
        return best;
    }
}

/// <summary>A product the k-NN pass found, with every view indexed for it.</summary>
public sealed record ProductViews(string ProductId, ItemKind Kind, IReadOnlyList<ItemView> Views);
