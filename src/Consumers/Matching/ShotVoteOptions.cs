namespace ShoppableVideo.Consumers.Matching;

/// <summary>How video regions become a shot's products: how many neighbours each region asks the index for,
/// how the shot's frames vote, and what a product needs to be listed as similar or named as exact. The
/// thresholds are the matching benchmark's choice (README, "Measured: matching").</summary>
public sealed record ShotVoteOptions
{
    /// <summary>Products listed per garment (kind) of a shot, best first.</summary>
    public int TopK { get; init; } = 3;

    /// <summary>The least vote (mean similarity over the shot's frames) a product needs to be listed at all,
    /// as a similar item. Below it a shot lists nothing rather than the least bad guess. 0.69 is the highest
    /// threshold at which the benchmark's product shots listing nothing stayed under 10%; distractor shots
    /// then list look-alikes (a third of them), never an exact item.</summary>
    public double MinScore { get; init; } = 0.69;

    /// <summary>The least vote the garment's leading product needs to be named the exact product.</summary>
    public double ExactMinScore { get; init; } = 0.84;

    /// <summary>The least lead the garment's best product needs over its runner-up to be named exact: a
    /// garment whose two best products vote alike is not sure which it is, however high both score. With
    /// 0.84 it was the benchmark's pair naming the most shots exactly while keeping exact items right at
    /// least 90% of the time.</summary>
    public double ExactMinMargin { get; init; } = 0.06;

    /// <summary>Neighbours asked of the index per region: more than TopK so that a product ranked second in
    /// one frame and first in the others still collects its votes.</summary>
    public int NeighboursPerRegion { get; init; } = 5;
}
