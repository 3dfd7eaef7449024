using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// Turns the neighbours found in a shot's representative frames into the shot's products. Each frame gives
/// a product its best similarity in that frame (two regions agreeing in one frame are one vote, not two);
/// the vote is the mean over all the shot's frames, so a frame where the product was not found counts as
/// zero. One lucky frame therefore weighs less than a product seen throughout the shot, which is what
/// keeps passers-by and near-misses out. Pure: no I/O, deterministic order.
/// </summary>
public static class ShotVote
{
    public static IReadOnlyList<ProductMatch> Decide(IReadOnlyCollection<FrameHit> hits, int frameCount, ShotVoteOptions options)
    {
        if (hits.Count == 0)
            return [];
        // The frames that produced hits are frames of the shot, whatever the caller counted.
        var frames = Math.Max(frameCount, hits.Select(h => h.FrameNumber).Distinct().Count());
        return hits
            .GroupBy(h => h.ProductId, StringComparer.Ordinal)
            .Select(product =>
            {
                var bestPerFrame = product.GroupBy(h => h.FrameNumber).Select(f => f.MaxBy(h => h.Score)!).ToList();
                var best = bestPerFrame.MaxBy(h => h.Score)!;
                return (Vote: bestPerFrame.Sum(h => h.Score) / frames, Best: best);
            })
            .Where(p => p.Vote >= options.MinScore)
            .OrderByDescending(p => p.Vote)
            .ThenByDescending(p => p.Best.Score)
            .ThenBy(p => p.Best.ProductId, StringComparer.Ordinal)
            .Take(options.TopK)
            .Select(p => new ProductMatch(p.Best.ProductId, Math.Round(p.Vote, 4), p.Best.Box, p.Best.Seconds, KindName(p.Best.Kind)))
            .ToList();
    }

    /// <summary>The kind as the shoppable document spells it.</summary>
    public static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
