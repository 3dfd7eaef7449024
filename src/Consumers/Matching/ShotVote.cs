using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// Turns the neighbours found in a shot's representative frames into the shot's products, garment by
/// garment (one garment per kind: the top, the bottoms, the bag). Each frame gives a product its best
/// similarity in that frame (two regions agreeing in one frame are one vote, not two); the vote is the
/// mean over all the shot's frames, so a frame where the product was not found counts as zero, and a
/// product the frames agree on outvotes one lucky frame. Per garment the leading product is named
/// <c>exact</c> when its vote is high and clearly ahead of the runner-up; the others above
/// <see cref="ShotVoteOptions.MinScore"/> are <c>similar</c>. Pure: no I/O, deterministic order.
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
            .GroupBy(h => h.Kind)
            .SelectMany(garment => DecideGarment(garment, frames, options))
            .OrderByDescending(m => m.Match == ProductMatches.Exact)
            .ThenByDescending(m => m.Score)
            .ThenBy(m => m.ProductId, StringComparer.Ordinal)
            .ToList();
    }

    static IEnumerable<ProductMatch> DecideGarment(IEnumerable<FrameHit> hits, int frames, ShotVoteOptions options)
    {
        var ranked = hits
            .GroupBy(h => h.ProductId, StringComparer.Ordinal)
            .Select(product =>
            {
                var bestPerFrame = product.GroupBy(h => h.FrameNumber).Select(f => f.MaxBy(h => h.Score)!).ToList();
                return (Vote: bestPerFrame.Sum(h => h.Score) / frames, Best: bestPerFrame.MaxBy(h => h.Score)!);
            })
            .OrderByDescending(p => p.Vote)
            .ThenByDescending(p => p.Best.Score)
            .ThenBy(p => p.Best.ProductId, StringComparer.Ordinal)
            .ToList();
        var margin = ranked[0].Vote - (ranked.Count > 1 ? ranked[1].Vote : 0);
        var leaderIsExact = ranked[0].Vote >= options.ExactMinScore && margin >= options.ExactMinMargin;
        return ranked
            .Where(p => p.Vote >= options.MinScore)
            .Take(options.TopK)
            .Select((p, rank) =>
            {
                var exact = rank == 0 && leaderIsExact;
                return new ProductMatch(p.Best.ProductId, Math.Round(p.Vote, 4), p.Best.Box, p.Best.Seconds, KindName(p.Best.Kind),
                    exact ? ProductMatches.Exact : ProductMatches.Similar,
                    Math.Round(ConfidenceOf(p.Vote, rank == 0 ? margin : p.Vote - ranked[0].Vote, options), 4));
            });
    }

    /// <summary>How sure the shot is that this is the product: the lesser of two logistics, one of how far
    /// the vote sits above the exact vote and one of how far the lead over the runner-up (negative for a
    /// product behind the leader) sits above the exact margin, so it passes one half exactly where
    /// <c>exact</c> begins. The README's reliability table shows how often each confidence band was right.</summary>
    public static double ConfidenceOf(double vote, double lead, ShotVoteOptions options)
    {
        const double VoteSlope = 40, LeadSlope = 80;
        return Math.Min(Logistic(VoteSlope * (vote - options.ExactMinScore)), Logistic(LeadSlope * (lead - options.ExactMinMargin)));
    }

    static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>The kind as the shoppable document spells it.</summary>
    public static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
