namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>What an image's first bytes declare about it: format and size, before any pixel is decoded.</summary>
public readonly record struct ImageHeader(ImageFormat Format, int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    /// <summary>Null within the limit, else the reason to refuse the image before decoding it.</summary>
    public string? FindOverLimit(long maxPixels) =>
        Pixels > maxPixels ? $"declares {Width}x{Height} pixels, over the limit of {maxPixels} pixels" : null;
}
