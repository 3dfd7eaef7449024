using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>Turns encoded image bytes (JPEG, PNG, WebP...) into pixels, in process.</summary>
public interface IImageDecoder
{
    /// <summary>Decodes, shrinking so the longer side is at most <paramref name="maxSide"/> (never enlarging).</summary>
    /// <exception cref="Media.MediaRejectedException">the bytes are not a decodable image, or its header
    /// declares more pixels than the configured limit (refused before decoding).</exception>
    Task<BgrImage> DecodeAsync(ReadOnlyMemory<byte> encoded, int maxSide, CancellationToken cancellationToken);
}
