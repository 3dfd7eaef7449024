namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>One product entry of a shoppable segment, as scoring needs it. Match and confidence are newer
/// fields, null when the document lacks them: such an entry counts as a similar match whose confidence is
/// its score.</summary>
public sealed record ListedProduct(string ProductId, double Score, string? MatchField = null, double? ConfidenceField = null)
{
    public const string Exact = "exact";
    public const string Similar = "similar";

    public string Match => MatchField ?? Similar;

    public double Confidence => ConfidenceField ?? Score;

    public bool IsExact => string.Equals(Match, Exact, StringComparison.OrdinalIgnoreCase);
}
