using System.Numerics;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>Turns the two halves of a view into one similarity in 0..1.</summary>
public static class DescriptorSimilarity
{
    /// <summary>Appearance vectors are L2-normalised, so their dot product is the cosine; clamped at 0, since
    /// a negative value says nothing more useful than "not alike".</summary>
    public static double Appearance(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => Math.Clamp(Dot(a, b), 0, 1);

    /// <summary>Colour histograms are square roots of distributions, so their dot product is the Bhattacharyya
    /// coefficient, already 0..1.</summary>
    public static double Colour(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => a.Length != b.Length ? 0 : Math.Clamp(Dot(a, b), 0, 1);

    public static double Combined(double appearance, double colour, double appearanceWeight) =>
        appearanceWeight * appearance + (1 - appearanceWeight) * colour;

    /// <summary>Vectorised: a shot's rerank computes thousands of these.</summary>
    static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
            return 0;
        var sums = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            sums += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        var sum = Vector.Sum(sums);
        for (; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }
}
