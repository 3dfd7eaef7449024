using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// An HSV histogram of a region: 8 hues x 3 saturations x 3 values for coloured pixels, and 4 grey
/// levels for pixels with too little saturation (or light) to have a hue. Re-ID embeddings are trained
/// to ignore colour shifts between cameras, which is exactly what tells a black hoodie from its red twin.
/// </summary>
public static class ColourDescriptor
{
    const int Hues = 8, Saturations = 3, Values = 3, Greys = 4;
    public const int Bins = Hues * Saturations * Values + Greys;

    // Below these a pixel's hue is noise: it counts as a grey level.
    const float MinSaturation = 0.2f;
    const float MinValue = 0.15f;

    /// <summary>Only the middle of the box is read (it is mostly garment; the edges are mostly
    /// background), and at most about this many pixels of it.</summary>
    const float CentralWidth = 0.6f, CentralHeight = 0.8f;
    const int MaxSamples = 16_384;

    /// <summary>The L2-normalised histogram; all zeros for a box with no pixels inside the image.</summary>
    public static float[] Describe(BgrImage image, PixelBox box)
    {
        var region = Central(box).ClampTo(image.Width, image.Height);
        var (left, top) = ((int)region.Left, (int)region.Top);
        var (right, bottom) = ((int)MathF.Ceiling(region.Right), (int)MathF.Ceiling(region.Bottom));
        var histogram = new float[Bins];
        if (right <= left || bottom <= top)
            return histogram;

        var step = Math.Max(1, (int)Math.Sqrt((double)(right - left) * (bottom - top) / MaxSamples));
        for (var y = top; y < bottom; y += step)
        {
            var row = image.Row(y);
            for (var x = left; x < right; x += step)
                histogram[BinOf(row[x * 3 + 2], row[x * 3 + 1], row[x * 3])]++;
        }
        return Normalize(histogram);
    }

    static PixelBox Central(PixelBox box)
    {
        var dx = box.Width * (1 - CentralWidth) / 2;
        var dy = box.Height * (1 - CentralHeight) / 2;
        return new PixelBox(box.Left + dx, box.Top + dy, box.Right - dx, box.Bottom - dy);
    }

    internal static int BinOf(byte red, byte green, byte blue)
    {
        var max = Math.Max(red, Math.Max(green, blue));
        var min = Math.Min(red, Math.Min(green, blue));
        var value = max / 255f;
        var saturation = max == 0 ? 0 : (max - min) / (float)max;
        if (saturation < MinSaturation || value < MinValue)
            return Hues * Saturations * Values + Math.Min(Greys - 1, (int)(value * Greys));

        float hue; // 0..6
        var chroma = (float)(max - min);
        if (max == red) hue = (green - blue) / chroma;
        else if (max == green) hue = 2 + (blue - red) / chroma;
        else hue = 4 + (red - green) / chroma;
        if (hue < 0) hue += 6;

        var h = Math.Min(Hues - 1, (int)(hue / 6 * Hues));
        var s = Math.Min(Saturations - 1, (int)((saturation - MinSaturation) / (1 - MinSaturation) * Saturations));
        var v = Math.Min(Values - 1, (int)((value - MinValue) / (1 - MinValue) * Values));
        return (h * Saturations + s) * Values + v;
    }

    static float[] Normalize(float[] histogram)
    {
        var length = MathF.Sqrt(histogram.Sum(c => c * c));
        if (length > 0)
            for (var i = 0; i < histogram.Length; i++)
                histogram[i] /= length;
        return histogram;
    }
}
