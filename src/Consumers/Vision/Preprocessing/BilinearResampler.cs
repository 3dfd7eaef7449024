using System.Buffers;
using System.Numerics;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Preprocessing;

/// <summary>
/// Resizes a region of a BGR image straight into interleaved floats (B,G,R per pixel, 0..255), reading
/// the source in place so no crop is ever copied out. Separable bilinear with OpenCV's pixel-centre
/// convention (the models were trained on cv2.resize INTER_LINEAR input): a vectorised vertical blend
/// of two source rows, then a horizontal pass over precomputed column taps.
/// </summary>
public static class BilinearResampler
{
    /// <param name="destination">At least targetWidth * targetHeight * 3 floats; row y starts at
    /// y * <paramref name="destinationStride"/>.</param>
    public static void Resample(BgrImage image, PixelBox region, int targetWidth, int targetHeight,
        Span<float> destination, int destinationStride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetHeight, 1);
        var source = VisibleRegion(image, region);
        var left = (int)source.Left;
        var span = (int)source.Right - left; // source columns that can be read
        var scaleX = source.Width / targetWidth;
        var scaleY = source.Height / targetHeight;

        var x0 = ArrayPool<int>.Shared.Rent(targetWidth);
        var x1 = ArrayPool<int>.Shared.Rent(targetWidth);
        var wx = ArrayPool<float>.Shared.Rent(targetWidth);
        var rowA = ArrayPool<float>.Shared.Rent(span * 3);
        var rowB = ArrayPool<float>.Shared.Rent(span * 3);
        var blended = ArrayPool<float>.Shared.Rent(span * 3);
        try
        {
            for (var x = 0; x < targetWidth; x++)
            {
                var sx = Math.Clamp((x + 0.5f) * scaleX - 0.5f + source.Left, left, left + span - 1) - left;
                var i0 = (int)sx;
                x0[x] = i0 * 3;
                x1[x] = Math.Min(i0 + 1, span - 1) * 3;
                wx[x] = sx - i0;
            }

            int loadedA = -1, loadedB = -1;
            for (var y = 0; y < targetHeight; y++)
            {
                var sy = Math.Clamp((y + 0.5f) * scaleY - 0.5f + source.Top, source.Top, source.Bottom - 1);
                var y0 = (int)sy;
                var y1 = Math.Min(y0 + 1, (int)source.Bottom - 1);
                var wy = sy - y0;
                if (loadedA != y0)
                {
                    if (loadedB == y0)
                        (rowA, rowB, loadedA, loadedB) = (rowB, rowA, loadedB, -1);
                    else
                        Widen(image.Row(y0).Slice(left * 3, span * 3), rowA);
                    loadedA = y0;
                }
                if (loadedB != y1)
                {
                    Widen(image.Row(y1).Slice(left * 3, span * 3), rowB);
                    loadedB = y1;
                }
                Blend(rowA.AsSpan(0, span * 3), rowB.AsSpan(0, span * 3), wy, blended);

                var output = destination.Slice(y * destinationStride, targetWidth * 3);
                for (var x = 0; x < targetWidth; x++)
                {
                    int a = x0[x], b = x1[x];
                    var w = wx[x];
                    output[x * 3] = blended[a] + (blended[b] - blended[a]) * w;
                    output[x * 3 + 1] = blended[a + 1] + (blended[b + 1] - blended[a + 1]) * w;
                    output[x * 3 + 2] = blended[a + 2] + (blended[b + 2] - blended[a + 2]) * w;
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(x0);
            ArrayPool<int>.Shared.Return(x1);
            ArrayPool<float>.Shared.Return(wx);
            ArrayPool<float>.Shared.Return(rowA);
            ArrayPool<float>.Shared.Return(rowB);
            ArrayPool<float>.Shared.Return(blended);
        }
    }

    /// <summary>The region clamped to whole pixels inside the image, at least one pixel each way.</summary>
    static PixelBox VisibleRegion(BgrImage image, PixelBox region)
    {
        var clamped = region.ClampTo(image.Width, image.Height);
        var left = Math.Min((int)MathF.Floor(clamped.Left), image.Width - 1);
        var top = Math.Min((int)MathF.Floor(clamped.Top), image.Height - 1);
        var right = Math.Max((int)MathF.Ceiling(clamped.Right), left + 1);
        var bottom = Math.Max((int)MathF.Ceiling(clamped.Bottom), top + 1);
        return new PixelBox(left, top, right, bottom);
    }

    static void Widen(ReadOnlySpan<byte> bytes, Span<float> floats)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= bytes.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(bytes[i..]), out var low, out var high);
                Vector.Widen(low, out var a, out var b);
                Vector.Widen(high, out var c, out var d);
                Vector.ConvertToSingle(a).CopyTo(floats[i..]);
                Vector.ConvertToSingle(b).CopyTo(floats[(i + Vector<float>.Count)..]);
                Vector.ConvertToSingle(c).CopyTo(floats[(i + 2 * Vector<float>.Count)..]);
                Vector.ConvertToSingle(d).CopyTo(floats[(i + 3 * Vector<float>.Count)..]);
            }
        }
        for (; i < bytes.Length; i++)
            floats[i] = bytes[i];
    }

    static void Blend(ReadOnlySpan<float> a, ReadOnlySpan<float> b, float weight, Span<float> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var w = new Vector<float>(weight);
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var va = new Vector<float>(a[i..]);
                (va + (new Vector<float>(b[i..]) - va) * w).CopyTo(result[i..]);
            }
        }
        for (; i < a.Length; i++)
            result[i] = a[i] + (b[i] - a[i]) * weight;
    }
}
