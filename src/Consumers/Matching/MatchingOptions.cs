namespace ShoppableVideo.Consumers.Matching;

/// <summary>How catalog search ranks candidates; the matching benchmark chose each value.</summary>
public sealed class MatchingOptions
{
    /// <summary>Share of the score from appearance (ResNet18); the rest comes from the colour histogram.
    /// 0.70 is the best of the matching benchmark's sweep on the Luma query photos by recall@1 + recall@5
    /// (0.72 and 0.89; 0.73 ties it).</summary>
    public double AppearanceWeight { get; set; } = 0.70;

    /// <summary>Views the k-NN pass returns per query view. Every product owning one of them is then scored
    /// exactly over all its views, so this only has to be wide enough that the right product has some view
    /// among them: appearance alone ranks it far lower than appearance and colour together do.</summary>
    public int CandidateViews { get; set; } = 256;
}
