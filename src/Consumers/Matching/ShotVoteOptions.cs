namespace ShoppableVideo.Consumers.Matching;

/// <summary>How video regions become a shot's products: how many neighbours each region asks the index for,
/// how the shot's frames vote, and what a product needs to be reported at all.</summary>
public sealed record ShotVoteOptions
{
    /// <summary>Products reported per shot, best first.</summary>
    public int TopK { get; init; } = 3;

    /// <summary>The least vote (mean similarity over the shot's frames) a product needs. Below it a shot
    /// reports nothing rather than the least bad guess: people wearing no catalog product must stay clean.
    /// 0.88 is the lowest threshold at which the matching benchmark kept at least 90% of its distractor
    /// shots clean (24 shots of passers-by); lower thresholds found more products and more false ones.</summary>
    public double MinScore { get; init; } = 0.88;

    /// <summary>Neighbours asked of the index per region: more than TopK so that a product ranked second in
    /// one frame and first in the others still collects its votes.</summary>
    public int NeighboursPerRegion { get; init; } = 5;
}
