namespace ShoppableVideo.Consumers.Vision.Pixels;

/// <summary>The one rule for "fit inside maxSide" sizes, shared by the image decoder and the frame writer so
/// a size computed here always matches the ffmpeg scale expression built from the same rule:
/// round(side * min(1, maxSide / longer side)), at least 1. Never enlarges.</summary>
public static class ImageFit
{
    public static (int Width, int Height) Inside(int width, int height, int maxSide)
    {
        var factor = Math.Min(1.0, (double)maxSide / Math.Max(width, height));
        return (Math.Max(1, (int)Math.Round(width * factor, MidpointRounding.AwayFromZero)),
                Math.Max(1, (int)Math.Round(height * factor, MidpointRounding.AwayFromZero)));
    }
}
