namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// Cheap checks that an encoded image is whole before it reaches a decoder: a truncated file is named
/// as such here, where a decoder might make do with what it got (Skia decodes a cut progressive JPEG
/// to a blur and reports success).
/// </summary>
public static class ImageStructure
{
    /// <summary>Null when the image looks complete, else what is wrong with it.</summary>
    public static string? FindProblem(ImageFormat format, ReadOnlySpan<byte> encoded)
    {
        // Some encoders and uploads leave padding after the end marker; it is harmless.
        var end = encoded.TrimEnd((ReadOnlySpan<byte>)[0x00, 0x0A, 0x0D, 0x20]);
        return format switch
        {
            ImageFormat.Jpeg when !end.EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]) => "truncated JPEG: no end-of-image marker (FFD9)",
            ImageFormat.Jpeg => JpegScanCoverage.FindMissing(end),
            ImageFormat.Png when end.Length < 12 || !end[^8..^4].SequenceEqual("IEND"u8) => "truncated PNG: no IEND chunk at the end",
            ImageFormat.Gif when !end.EndsWith((ReadOnlySpan<byte>)[0x3B]) => "truncated GIF: no trailer byte (3B)",
            _ => null,
        };
    }
}
