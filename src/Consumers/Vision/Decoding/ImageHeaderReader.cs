using System.Buffers.Binary;
using ShoppableVideo.Consumers.Media;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// Reads an image's format and declared size from its first bytes, in managed code: no process per
/// image, and nothing is decoded, so an image bomb (a tiny file declaring 100000x100000 pixels) is
/// measured for free and refused before a decoder allocates for it.
/// </summary>
public static class ImageHeaderReader
{
    /// <summary>How much of a file is ever read to find its header. JPEG's frame header (SOF) sits
    /// after the APPn segments (EXIF, ICC), which are at most 64 KiB each; a few of them fit here.</summary>
    public const int HeadLength = 512 * 1024;

    /// <summary>Reads at most <see cref="HeadLength"/> bytes of the stream and parses them.</summary>
    /// <exception cref="MediaRejectedException">"not an image (...)" with what was wrong.</exception>
    public static async Task<ImageHeader> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        var head = new byte[HeadLength];
        var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        return Read(head.AsSpan(0, length));
    }

    /// <exception cref="MediaRejectedException">"not an image (...)" with what was wrong.</exception>
    public static ImageHeader Read(ReadOnlySpan<byte> head) =>
        TryRead(head, out var header, out var problem) ? header : throw new MediaRejectedException($"not an image ({problem})");

    public static bool TryRead(ReadOnlySpan<byte> head, out ImageHeader header, out string problem)
    {
        header = default;
        (ImageHeader? parsed, string? why) = head switch
        {
            [] => (null, "the file is empty"),
            [0xFF, 0xD8, 0xFF, ..] => Jpeg(head),
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Png(head),
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => WebP(head),
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => Gif(head),
            [(byte)'B', (byte)'M', ..] => Bmp(head),
            _ => (null, "unknown format: no JPEG, PNG, WebP, GIF or BMP signature"),
        };
        if (parsed is { } h && (h.Width <= 0 || h.Height <= 0))
            (parsed, why) = (null, $"{h.Format} header declares a size of {h.Width}x{h.Height}");
        problem = why ?? "";
        if (parsed is null)
            return false;
        header = parsed.Value;
        return true;
    }

    // JPEG is a chain of segments (FF marker, 2-byte big-endian length that counts itself); the size is
    // in the first start-of-frame segment (SOF0..SOF15 except DHT C4, JPG C8 and DAC CC).
    static (ImageHeader?, string?) Jpeg(ReadOnlySpan<byte> data)
    {
        var at = 2;
        while (true)
        {
            // Fill bytes (extra FFs) may precede a marker.
            while (at < data.Length && data[at] == 0xFF && at + 1 < data.Length && data[at + 1] == 0xFF)
                at++;
            if (at + 4 > data.Length)
                return (null, "truncated JPEG: no frame header (SOF) before the data ends");
            if (data[at] != 0xFF)
                return (null, $"corrupt JPEG: expected a marker at byte {at}");
            var marker = data[at + 1];
            if (marker is 0xD9 or 0xDA)
                return (null, "corrupt JPEG: image data starts before any frame header (SOF)");
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // standalone markers carry no length
                continue;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 2)..]);
            if (length < 2)
                return (null, $"corrupt JPEG: segment {marker:X2} has length {length}");
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (at + 9 > data.Length)
                    return (null, "truncated JPEG: the frame header (SOF) is cut off");
                var height = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(data[(at + 7)..]);
                return (new ImageHeader(ImageFormat.Jpeg, width, height), null);
            }
            at += 2 + length;
        }
    }

    // Signature, then the IHDR chunk: length 13, "IHDR", width and height as big-endian uint32.
    static (ImageHeader?, string?) Png(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24)
            return (null, "truncated PNG: no IHDR chunk");
        if (!data[12..16].SequenceEqual("IHDR"u8))
            return (null, "corrupt PNG: the first chunk is not IHDR");
        var width = BinaryPrimitives.ReadUInt32BigEndian(data[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[20..]);
        return (new ImageHeader(ImageFormat.Png, ClampToInt(width), ClampToInt(height)), null);
    }

    // RIFF....WEBP then one of three chunks: VP8 (lossy key frame header), VP8L (lossless, 14-bit
    // sizes packed after a 0x2F signature), VP8X (extended, 24-bit canvas size minus one).
    static (ImageHeader?, string?) WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30)
            return (null, "truncated WebP: no image chunk");
        var chunk = data[12..16];
        var body = data[20..];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            if (body[3] != 0x9D || body[4] != 0x01 || body[5] != 0x2A)
                return (null, "corrupt WebP: VP8 key frame start code missing");
            return (new ImageHeader(ImageFormat.WebP,
                BinaryPrimitives.ReadUInt16LittleEndian(body[6..]) & 0x3FFF,
                BinaryPrimitives.ReadUInt16LittleEndian(body[8..]) & 0x3FFF), null);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (body[0] != 0x2F)
                return (null, "corrupt WebP: VP8L signature missing");
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(body[1..]);
            return (new ImageHeader(ImageFormat.WebP, (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1), null);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return (new ImageHeader(ImageFormat.WebP, UInt24(body[4..]) + 1, UInt24(body[7..]) + 1), null);
        return (null, "corrupt WebP: no VP8, VP8L or VP8X chunk");
    }

    // GIF87a/89a, then the logical screen width and height, little-endian.
    static (ImageHeader?, string?) Gif(ReadOnlySpan<byte> data) =>
        data.Length < 10
            ? (null, "truncated GIF: no screen descriptor")
            : (new ImageHeader(ImageFormat.Gif, BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])), null);

    // BM, 12 bytes of file header, then the DIB header: its size says which layout (12 = OS/2 core
    // with 16-bit sizes; 40 and up = Windows with signed 32-bit sizes, negative height = top-down).
    static (ImageHeader?, string?) Bmp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 26)
            return (null, "truncated BMP: no DIB header");
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(data[14..]);
        if (dibSize == 12)
            return (new ImageHeader(ImageFormat.Bmp, BinaryPrimitives.ReadUInt16LittleEndian(data[18..]), BinaryPrimitives.ReadUInt16LittleEndian(data[20..])), null);
        if (dibSize is < 40 or > 1024)
            return (null, $"unknown format: 'BM' followed by a DIB header of {dibSize} bytes");
        var width = BinaryPrimitives.ReadInt32LittleEndian(data[18..]);
        var height = BinaryPrimitives.ReadInt32LittleEndian(data[22..]);
        return (new ImageHeader(ImageFormat.Bmp, width, height == int.MinValue ? int.MaxValue : Math.Abs(height)), null);
    }

    static int UInt24(ReadOnlySpan<byte> b) => b[0] | b[1] << 8 | b[2] << 16;

    static int ClampToInt(uint value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
