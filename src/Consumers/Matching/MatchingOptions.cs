namespace ShoppableVideo.Consumers.Matching;

/// <summary>How catalog search ranks candidates; the matching benchmark chose each value.</summary>
public sealed class MatchingOptions
{
    /// <summary>Share of the score from appearance (ResNet18); the rest comes from the colour histogram.
    /// 0.77 (colour at 0.3 of appearance) was the best of the benchmark's sweep on the Luma query photos
    /// that met both recall targets (recall@1 0.66, @5 0.87).</summary>
    public double AppearanceWeight { get; set; } = 0.77;

    /// <summary>Views the k-NN pass returns per query view. Every product owning one of them is then scored
    /// exactly over all its views, so this only has to be wide enough that the right product has some view
    /// among them: appearance alone ranks it far lower than appearance and colour together do.</summary>
    public int CandidateViews { get; set; } = 256;
}
