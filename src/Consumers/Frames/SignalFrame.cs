using ShoppableVideo.Consumers.Vision.Pixels;
using SkiaSharp;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>A frame shrunk to the size the shot signals are measured at (<see cref="FrameExtractionOptions.SignalWidth"/>
/// by SignalHeight, stretched, as ffmpeg's signal branch scales it) in rgb24, the layout <see cref="Segments.ContentScorer"/>
/// and <see cref="SharpnessMeter"/> read. Skia averages through mipmaps, so a 5x shrink does not alias.</summary>
public static class SignalFrame
{
    static readonly SKSamplingOptions Shrink = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static byte[] Rgb24(BgrImage image, int width, int height)
    {
        var bgra = new byte[image.Width * image.Height * 4];
        for (int from = 0, to = 0; from < image.Pixels.Length; from += 3, to += 4)
        {
            bgra[to] = image.Pixels[from];
            bgra[to + 1] = image.Pixels[from + 1];
            bgra[to + 2] = image.Pixels[from + 2];
            bgra[to + 3] = 255;
        }
        using var source = SKImage.FromPixelCopy(new SKImageInfo(image.Width, image.Height, SKColorType.Bgra8888, SKAlphaType.Opaque), bgra)
            ?? throw new InvalidOperationException($"Skia refused a {image.Width}x{image.Height} frame");
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
            canvas.DrawImage(source, new SKRect(0, 0, width, height), Shrink);

        var rgba = target.GetPixelSpan();
        var rgb = new byte[width * height * 3];
        for (int from = 0, to = 0; to < rgb.Length; from += 4, to += 3)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }
        return rgb;
    }
}
