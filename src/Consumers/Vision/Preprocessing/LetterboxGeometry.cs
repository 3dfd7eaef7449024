using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Preprocessing;

/// <summary>
/// Where an image landed inside a model's square input: scaled by <see cref="Scale"/> (aspect kept) and
/// placed at the top-left corner, as YOLOX's own preprocessing does, so mapping back is one division.
/// </summary>
public readonly record struct LetterboxGeometry(float Scale, int ResizedWidth, int ResizedHeight)
{
    public static LetterboxGeometry Fit(int imageWidth, int imageHeight, int inputWidth, int inputHeight)
    {
        var scale = MathF.Min((float)inputWidth / imageWidth, (float)inputHeight / imageHeight);
        return new LetterboxGeometry(scale,
            Math.Clamp((int)MathF.Round(imageWidth * scale), 1, inputWidth),
            Math.Clamp((int)MathF.Round(imageHeight * scale), 1, inputHeight));
    }

    /// <summary>A box in model-input pixels, back in the original image's pixels (clamped to it).</summary>
    public PixelBox ToImage(PixelBox inInput, int imageWidth, int imageHeight) =>
        new PixelBox(inInput.Left / Scale, inInput.Top / Scale, inInput.Right / Scale, inInput.Bottom / Scale)
            .ClampTo(imageWidth, imageHeight);
}
