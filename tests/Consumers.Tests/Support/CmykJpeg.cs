using System.Buffers.Binary;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>Writes a baseline CMYK JPEG the way Photoshop does (Adobe APP14, transform 0, inverted
/// values), in managed code: neither ffmpeg nor Skia encodes CMYK. Every 8x8 block is one flat colour,
/// so only DC coefficients are coded (quantiser 1, one Huffman table pair).</summary>
public static class CmykJpeg
{
    /// <summary>An image <paramref name="blocksWide"/> x <paramref name="blocksHigh"/> blocks of 8x8 pixels;
    /// <paramref name="inkAt"/> gives each block's ink (C, M, Y, K, 0 = none, 255 = full).</summary>
    public static byte[] Create(int blocksWide, int blocksHigh, Func<int, int, (byte C, byte M, byte Y, byte K)> inkAt)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        // APP14 "Adobe": version 100, flags 0, 0, transform 0 (no YCC: the components are CMYK).
        Segment(jpeg, 0xEE, [.. "Adobe"u8, 0x00, 0x64, 0, 0, 0, 0, 0]);
        Segment(jpeg, 0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]);
        var width = blocksWide * 8;
        var height = blocksHigh * 8;
        Segment(jpeg, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 4,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, .. DcCounts, .. Enumerable.Range(0, 12).Select(v => (byte)v)]);
        // The only AC symbol ever written is end-of-block, a one-bit code.
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0x00]);
        Segment(jpeg, 0xDA, [4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]);

        var bits = new BitWriter(jpeg);
        var (codes, lengths) = CanonicalCodes(DcCounts);
        Span<int> previous = stackalloc int[4];
        for (var by = 0; by < blocksHigh; by++)
        for (var bx = 0; bx < blocksWide; bx++)
        {
            var (c, m, y, k) = inkAt(bx, by);
            ReadOnlySpan<byte> stored = [(byte)(255 - c), (byte)(255 - m), (byte)(255 - y), (byte)(255 - k)];
            for (var component = 0; component < 4; component++)
            {
                // A flat block's DC coefficient is 8 x (value - 128); it is coded as a difference from the last.
                var dc = 8 * (stored[component] - 128);
                var diff = dc - previous[component];
                previous[component] = dc;
                var category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
                bits.Write(codes[category], lengths[category]);
                if (category > 0)
                    bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
                bits.Write(0, 1); // end of block
            }
        }
        bits.Flush();
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    // The standard luminance DC table's code lengths (ITU T.81 K.3), for categories 0..11.
    static readonly byte[] DcCounts = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    static (int[] Codes, int[] Lengths) CanonicalCodes(byte[] counts)
    {
        var codes = new int[12];
        var lengths = new int[12];
        var (code, symbol) = (0, 0);
        for (var length = 1; length <= 16; length++)
        {
            for (var i = 0; i < counts[length - 1]; i++)
                (codes[symbol], lengths[symbol], symbol, code) = (code, length, symbol + 1, code + 1);
            code <<= 1;
        }
        return (codes, lengths);
    }

    static void Segment(Stream jpeg, byte marker, byte[] body)
    {
        jpeg.Write([0xFF, marker]);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(body.Length + 2));
        jpeg.Write(length);
        jpeg.Write(body);
    }

    sealed class BitWriter(Stream output)
    {
        int _buffer;
        int _count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                _buffer = (_buffer << 1) | ((value >> i) & 1);
                if (++_count == 8)
                    Emit();
            }
        }

        public void Flush()
        {
            while (_count != 0)
                Write(1, 1); // pad with ones
        }

        void Emit()
        {
            output.WriteByte((byte)_buffer);
            if (_buffer == 0xFF)
                output.WriteByte(0x00); // byte stuffing
            (_buffer, _count) = (0, 0);
        }
    }
}
