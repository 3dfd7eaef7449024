using System.Buffers.Binary;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>
/// A decoded video frame as stored between the decode pass and analysis, so analysis gets pixels without
/// decoding a JPEG again (and the decode pass pays no JPEG encode):
/// <code>
/// offset 0  8 bytes  magic "SVRF0001" (the version is in the magic)
/// offset 8  int32    width, little-endian
/// offset 12 int32    height, little-endian
/// offset 16 width*height*3 bytes of bgr24, rows top to bottom, packed (stride = width*3)
/// </code>
/// At the default analysis size (640 on the longer side) a 16:9 frame is 691 KB.
/// </summary>
public static class RawFrameFormat
{
    public const string Extension = ".bgr";

    public const int HeaderLength = 16;

    /// <summary>Larger than any frame the extractor writes; a bigger header means a damaged file.</summary>
    public const int MaxSide = 16384;

    static readonly byte[] Magic = "SVRF0001"u8.ToArray();

    public static byte[] Header(int width, int height)
    {
        var header = new byte[HeaderLength];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), width);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(12), height);
        return header;
    }

    public static async Task WriteAsync(BgrImage image, Stream stream, CancellationToken cancellationToken = default)
    {
        await stream.WriteAsync(Header(image.Width, image.Height), cancellationToken);
        await stream.WriteAsync(image.Pixels, cancellationToken);
    }

    /// <exception cref="InvalidDataException">not a raw frame, or cut short.</exception>
    public static async Task<BgrImage> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var header = new byte[HeaderLength];
        if (await stream.ReadAtLeastAsync(header, HeaderLength, throwOnEndOfStream: false, cancellationToken) < HeaderLength
            || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("Not a raw frame (unknown header).");
        var width = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(8));
        var height = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(12));
        if (width is < 1 or > MaxSide || height is < 1 or > MaxSide)
            throw new InvalidDataException($"The raw frame declares an impossible size {width}x{height}.");
        var pixels = new byte[width * height * 3];
        if (await stream.ReadAtLeastAsync(pixels, pixels.Length, throwOnEndOfStream: false, cancellationToken) < pixels.Length)
            throw new InvalidDataException($"The raw frame is cut short: {width}x{height} needs {pixels.Length} bytes of pixels.");
        return new BgrImage(width, height, pixels);
    }
}
