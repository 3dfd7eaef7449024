namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Reads an image's header (never its pixels) to learn its size, so oversized images and image
/// bombs are refused before anything decodes them.</summary>
public interface IImageInspector
{
    Task<ImageHeader> InspectAsync(string bucket, string key, CancellationToken cancellationToken);
}

public record ImageHeader(int Width, int Height, string Codec);
