namespace ShoppableVideo.Consumers.Matching;

/// <summary>How catalog search ranks candidates; the benchmark chooses the weight.</summary>
public sealed class MatchingOptions
{
    /// <summary>Share of the score from re-ID appearance; the rest comes from the colour histogram. 0.85
    /// is the best of the matching benchmark's sweep on the Luma query photos (recall@1 and @5).</summary>
    public double AppearanceWeight { get; set; } = 0.85;

    /// <summary>The k-NN pass fetches max(CandidateFactor * k, MinimumCandidates) neighbours by appearance
    /// alone, so that the colour rerank has something to reorder.</summary>
    public int CandidateFactor { get; set; } = 4;

    public int MinimumCandidates { get; set; } = 32;

    public int CandidatesFor(int k) => Math.Max(CandidateFactor * k, MinimumCandidates);
}
