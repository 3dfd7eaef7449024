namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A true shot beside the products the pipeline listed for it, best first.</summary>
public sealed record JudgedShot(GroundTruthShot Truth, IReadOnlyList<ListedProduct> Listed)
{
    /// <summary>Where the right product is listed, 0 for first; -1 if it is not, or for a distractor.</summary>
    public int RankOfTruth => Truth.ProductId is { } id
        ? Listed.Select(p => p.ProductId).ToList().FindIndex(p => string.Equals(p, id, StringComparison.OrdinalIgnoreCase))
        : -1;

    public bool FoundInTop(int k) => RankOfTruth is >= 0 and var rank && rank < k;

    public bool TruthListedExact => RankOfTruth is >= 0 and var rank && Listed[rank].IsExact;
}
