namespace ShoppableVideo.Consumers.Matching;

/// <summary>Turns the two halves of a descriptor into one similarity in 0..1.</summary>
public static class DescriptorSimilarity
{
    /// <summary>Cosine similarity clamped at 0: re-ID vectors of unrelated clothing sit near zero, and a
    /// negative value says nothing more useful than "not alike".</summary>
    public static double FromCosineDistance(double distance) => Math.Clamp(1 - distance, 0, 1);

    /// <summary>Colour histograms are non-negative and L2-normalised, so their dot product is already 0..1.</summary>
    public static double Colour(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            return 0;
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
            dot += a[i] * b[i];
        return Math.Clamp(dot, 0, 1);
    }

    public static double Combined(double appearance, double colour, double appearanceWeight) =>
        appearanceWeight * appearance + (1 - appearanceWeight) * colour;
}
