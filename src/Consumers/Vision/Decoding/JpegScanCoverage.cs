using System.Buffers.Binary;

namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// Checks that a JPEG's scans, taken together, code every coefficient of every component to full
/// precision. A progressive JPEG cut short still decodes, to a blur, in decoders that make do with the
/// scans they got (Skia reports success), and a cut file with its end marker put back passes the
/// end-marker check: the scans that never arrived are what gives it away. Only the markers are read;
/// the entropy-coded data between them is skipped, so a cut inside the last scan is not seen here.
/// </summary>
public static class JpegScanCoverage
{
    const int MaxComponents = 4;
    const byte NotCoded = 0xFF;

    /// <summary>Null when every coefficient is coded (or the frame is not a DCT frame this checks), else the problem.</summary>
    public static string? FindMissing(ReadOnlySpan<byte> jpeg)
    {
        Span<byte> ids = stackalloc byte[MaxComponents];
        // The lowest bit (successive approximation Al) each component's coefficient k has been coded down to.
        Span<byte> codedTo = stackalloc byte[MaxComponents * 64];
        codedTo.Fill(NotCoded);
        var components = 0;
        var at = 2;
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF)
                return $"corrupt JPEG: expected a marker at byte {at}";
            var marker = jpeg[at + 1];
            if (marker == 0xFF || marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += marker == 0xFF ? 1 : 2;
                continue;
            }
            if (marker == 0xD9)
                break;
            if (at + 4 > jpeg.Length)
                return "truncated JPEG: a segment header is cut off";
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2 || at + 2 + length > jpeg.Length)
                return $"corrupt JPEG: segment {marker:X2} at byte {at} runs past the end";
            var body = jpeg.Slice(at + 4, length - 2);
            at += 2 + length;

            if (marker is 0xC0 or 0xC1 or 0xC2 or 0xC9 or 0xCA && body.Length >= 6)
            {
                components = body[5];
                if (components is 0 or > MaxComponents || body.Length < 6 + 3 * components)
                    return $"corrupt JPEG: a frame of {components} components";
                for (var c = 0; c < components; c++)
                    ids[c] = body[6 + 3 * c];
            }
            else if (marker is >= 0xC3 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                return null; // lossless or hierarchical: the decoder judges those on its own
            else if (marker == 0xDA)
            {
                if (FindScanProblem(body, ids[..components], codedTo) is { } problem)
                    return problem;
                at = NextMarker(jpeg, at);
            }
        }

        for (var c = 0; c < components; c++)
        {
            var coefficients = codedTo.Slice(c * 64, 64);
            if (coefficients.IndexOfAnyExcept((byte)0) is var k and >= 0)
                return $"truncated JPEG: its scans stop before component {c + 1} is complete (coefficient {k} " +
                       (coefficients[k] == NotCoded ? "never coded)" : $"coded only down to bit {coefficients[k]})");
        }
        return null;
    }

    static string? FindScanProblem(ReadOnlySpan<byte> scan, ReadOnlySpan<byte> ids, Span<byte> codedTo)
    {
        if (scan.Length < 1 || scan.Length < 4 + 2 * scan[0])
            return "corrupt JPEG: a scan header is cut off";
        var count = scan[0];
        var (first, last, low) = (scan[1 + 2 * count], scan[2 + 2 * count], (byte)(scan[3 + 2 * count] & 0x0F));
        if (first > last || last > 63)
            return $"corrupt JPEG: a scan of coefficients {first} to {last}";
        for (var i = 0; i < count; i++)
        {
            var c = ids.IndexOf(scan[1 + 2 * i]);
            if (c < 0)
                return $"corrupt JPEG: a scan names component {scan[1 + 2 * i]}, which the frame does not have";
            codedTo.Slice(c * 64 + first, last - first + 1).Fill(low);
        }
        return null;
    }

    // Entropy-coded data runs to the next marker: an FF that is neither stuffing (FF00) nor a restart.
    static int NextMarker(ReadOnlySpan<byte> jpeg, int at)
    {
        while (true)
        {
            var next = jpeg[at..].IndexOf((byte)0xFF);
            if (next < 0 || at + next + 1 >= jpeg.Length)
                return jpeg.Length;
            at += next;
            var following = jpeg[at + 1];
            if (following != 0x00 && following != 0xFF && following is not (>= 0xD0 and <= 0xD7))
                return at;
            at += following == 0xFF ? 1 : 2;
        }
    }
}
