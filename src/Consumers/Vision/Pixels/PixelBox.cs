using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision.Pixels;

/// <summary>A box in pixel coordinates of one image: [Left, Right) x [Top, Bottom).</summary>
public readonly record struct PixelBox(float Left, float Top, float Right, float Bottom)
{
    public float Width => MathF.Max(0, Right - Left);

    public float Height => MathF.Max(0, Bottom - Top);

    public float Area => Width * Height;

    public float IntersectionOverUnion(PixelBox other)
    {
        var intersection = new PixelBox(
            MathF.Max(Left, other.Left), MathF.Max(Top, other.Top),
            MathF.Min(Right, other.Right), MathF.Min(Bottom, other.Bottom)).Area;
        var union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <summary>The part of this box inside a width x height image.</summary>
    public PixelBox ClampTo(int width, int height) => new(
        Math.Clamp(Left, 0, width), Math.Clamp(Top, 0, height),
        Math.Clamp(Right, 0, width), Math.Clamp(Bottom, 0, height));

    /// <summary>The middle of a width x height image keeping <paramref name="share"/> of each side.</summary>
    public static PixelBox Centred(int width, int height, float share)
    {
        var margin = (1 - share) / 2;
        return new PixelBox(width * margin, height * margin, width * (1 - margin), height * (1 - margin));
    }

    /// <summary>The pixel box of a normalised box in a width x height image.</summary>
    public static PixelBox From(NormalizedBox box, int width, int height) => new(
        (float)(box.Left * width), (float)(box.Top * height),
        (float)((box.Left + box.Width) * width), (float)((box.Top + box.Height) * height));

    public NormalizedBox Normalize(int width, int height)
    {
        var clamped = ClampTo(width, height);
        return new NormalizedBox(clamped.Left / width, clamped.Top / height, clamped.Width / width, clamped.Height / height);
    }
}
