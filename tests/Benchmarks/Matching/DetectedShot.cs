namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A segment of a shoppable document, reduced to what scoring needs: its time range and its
/// products with their votes, best first.</summary>
public sealed record DetectedShot(double StartSeconds, double EndSeconds, IReadOnlyList<ScoredProduct> Products)
{
    /// <summary>The products a pipeline with this MinScore would have reported: the vote is the score,
    /// so a threshold can be tried after the run without processing the videos again.</summary>
    public IReadOnlyList<string> ReportedAt(double minScore) =>
        Products.Where(p => p.Score >= minScore).Select(p => p.ProductId).ToList();
}

public sealed record ScoredProduct(string ProductId, double Score);
