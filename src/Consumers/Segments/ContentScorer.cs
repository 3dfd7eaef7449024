using System.Numerics;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>PySceneDetect's ContentDetector score between consecutive low-resolution frames: the mean
/// absolute difference of the H, S and V channels (OpenCV's 8-bit HSV: H 0..179, S and V 0..255),
/// averaged over the three. Streaming: each frame is converted once and kept as the next frame's
/// "previous", so a frame costs one conversion and one SIMD difference pass.</summary>
public sealed class ContentScorer
{
    // 1/x for every 8-bit x: HSV needs two divisions a pixel, a table lookup is far cheaper.
    static readonly float[] Reciprocal = BuildReciprocals();

    readonly int _pixels;
    byte[] _previous;
    byte[] _current;
    bool _hasPrevious;

    public ContentScorer(int pixels)
    {
        _pixels = pixels;
        _previous = new byte[pixels * 3];
        _current = new byte[pixels * 3];
    }

    /// <summary>The score of this rgb24 frame against the last one given; 0 for the first frame.</summary>
    public double Next(ReadOnlySpan<byte> rgb)
    {
        ToHsvPlanes(rgb, _current, _pixels);
        var score = _hasPrevious ? MeanAbsoluteDifference(_previous, _current) : 0;
        (_previous, _current) = (_current, _previous);
        _hasPrevious = true;
        return score;
    }

    /// <summary>The score between two rgb24 frames of the same size.</summary>
    public static double Between(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var scorer = new ContentScorer(first.Length / 3);
        scorer.Next(first);
        return scorer.Next(second);
    }

    /// <summary>Writes H, S and V as three planes of <paramref name="pixels"/> bytes each, so the
    /// difference of the whole frame is one contiguous SIMD pass.</summary>
    internal static void ToHsvPlanes(ReadOnlySpan<byte> rgb, Span<byte> hsv, int pixels)
    {
        var hPlane = hsv[..pixels];
        var sPlane = hsv.Slice(pixels, pixels);
        var vPlane = hsv.Slice(pixels * 2, pixels);
        var reciprocal = Reciprocal;
        for (int i = 0, p = 0; i < pixels; i++, p += 3)
        {
            int r = rgb[p], g = rgb[p + 1], b = rgb[p + 2];
            int max = Math.Max(r, Math.Max(g, b));
            int min = Math.Min(r, Math.Min(g, b));
            int delta = max - min;
            vPlane[i] = (byte)max;
            sPlane[i] = (byte)(delta * 255 * reciprocal[max] + 0.5f);
            float h;
            if (delta == 0)
                h = 0;
            else if (max == r)
                h = 60f * (g - b) * reciprocal[delta];
            else if (max == g)
                h = 120f + 60f * (b - r) * reciprocal[delta];
            else
                h = 240f + 60f * (r - g) * reciprocal[delta];
            if (h < 0)
                h += 360f;
            hPlane[i] = (byte)(h * 0.5f + 0.5f >= 180f ? 0 : h * 0.5f + 0.5f);
        }
    }

    /// <summary>Mean |a-b| over all bytes of the three planes, which equals the mean of the three
    /// per-channel means because the planes are the same size.</summary>
    internal static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        ulong total = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<byte>.Count)
        {
            var accumulator = Vector<ushort>.Zero;
            var rounds = 0;
            for (; i <= a.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                var x = new Vector<byte>(a[i..]);
                var y = new Vector<byte>(b[i..]);
                Vector.Widen(Vector.Max(x, y) - Vector.Min(x, y), out var low, out var high);
                accumulator += low + high;
                // Each round adds at most 510 to a 16-bit lane: flush before it can overflow.
                if (++rounds == 128)
                {
                    total += Flush(accumulator);
                    accumulator = Vector<ushort>.Zero;
                    rounds = 0;
                }
            }
            total += Flush(accumulator);
        }
        for (; i < a.Length; i++)
            total += (ulong)Math.Abs(a[i] - b[i]);
        return (double)total / a.Length;
    }

    static ulong Flush(Vector<ushort> accumulator)
    {
        Vector.Widen(accumulator, out var low, out var high);
        return (ulong)Vector.Sum(low) + Vector.Sum(high);
    }

    static float[] BuildReciprocals()
    {
        var table = new float[256];
        for (var x = 1; x < table.Length; x++)
            table[x] = 1f / x;
        return table;
    }
}
