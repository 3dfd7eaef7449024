using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Consumers.Tests.Matching;

/// <summary>Reproducible unit vectors: a seeded random direction, and small moves away from it.</summary>
static class TestVectors
{
    public static float[] Random(int seed, int dimensions = SqliteProductIndex.AppearanceDimensions)
    {
        var random = new Random(seed);
        var vector = new float[dimensions];
        for (var i = 0; i < dimensions; i++)
            vector[i] = (float)(random.NextDouble() * 2 - 1);
        return Normalize(vector);
    }

    /// <summary><paramref name="origin"/> moved towards another random direction by <paramref name="amount"/>.</summary>
    public static float[] Near(float[] origin, int seed, double amount)
    {
        var other = Random(seed, origin.Length);
        return Normalize(origin.Select((v, i) => (float)((1 - amount) * v + amount * other[i])).ToArray());
    }

    /// <summary>A colour histogram with all its mass in one bin.</summary>
    public static float[] Colour(int bin, int bins = ColourDescriptor.Bins)
    {
        var histogram = new float[bins];
        histogram[bin] = 1;
        return histogram;
    }

    public static ItemDescriptor Descriptor(float[] appearance, int colourBin = 0) => new(appearance, Colour(colourBin));

    static float[] Normalize(float[] vector)
    {
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => v / length).ToArray();
    }
}
