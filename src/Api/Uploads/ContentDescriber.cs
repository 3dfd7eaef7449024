using System.Text;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Api.Uploads;

/// <summary>A best guess at what refused bytes are, so "not a video" can say what it looked like
/// instead ("looks like text/plain"). Only for messages: nothing is accepted on this guess.</summary>
public static class ContentDescriber
{
    public static string Describe(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
            return "nothing (empty)";
        if (ImageHeaderReader.TryRead(head, out var image, out _))
            return "image/" + image.Format.ToString().ToLowerInvariant();
        if (head.StartsWith("%PDF"u8))
            return "application/pdf";
        if (head.StartsWith("PK\x03\x04"u8))
            return "application/zip";
        if (head.StartsWith("ID3"u8) || head is [0xFF, >= 0xE0, ..])
            return "audio/mpeg";
        if (head.StartsWith("RIFF"u8) && head.Length >= 12 && head[8..12].SequenceEqual("WAVE"u8))
            return "audio/wav";
        if (LooksLikeText(head))
        {
            var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            return text switch
            {
                ['<', ..] => "text/html or XML",
                ['{', ..] or ['[', ..] => "application/json",
                _ => "text/plain",
            };
        }
        return "application/octet-stream";
    }

    /// <summary>Valid UTF-8 (a multi-byte character cut off at the end of the head is fine) without
    /// control characters other than tab, carriage return and line feed.</summary>
    public static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(head, new char[head.Length], out _, out _,
            replaceInvalidSequences: false, isFinalBlock: false);
        if (status is System.Buffers.OperationStatus.InvalidData)
            return false;
        foreach (var b in head)
            if ((b < 0x20 && b is not (byte)'\t' and not (byte)'\r' and not (byte)'\n') || b == 0x7F)
                return false;
        return true;
    }
}
