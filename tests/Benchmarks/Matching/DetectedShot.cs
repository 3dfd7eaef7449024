namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A segment of a shoppable document, reduced to what scoring needs: its time range and its
/// products in the order the document lists them.</summary>
public sealed record DetectedShot(double StartSeconds, double EndSeconds, IReadOnlyList<ListedProduct> Products)
{
    /// <summary>The products a pipeline with this MinScore would have listed: the vote is the score, so a
    /// threshold can be tried after the run without processing the videos again.</summary>
    public IReadOnlyList<ListedProduct> ListedAt(double minScore) => Products.Where(p => p.Score >= minScore).ToList();
}
