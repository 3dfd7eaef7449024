using System.Buffers.Binary;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Tells a video container from its first bytes. Uploads are judged by content only: a client's
/// Content-Type and file extension are what it claims, the signature is what it sent. Only the
/// container is checked here; whether it holds a decodable video stream is the probe step's job.
/// </summary>
public static class VideoSniffer
{
    /// <summary>Enough bytes for every signature below (MPEG-TS needs three 188-byte packets).</summary>
    public const int HeadLength = 1024;

    public static readonly VideoContainer Mp4 = new("MP4/QuickTime", ".mp4");
    public static readonly VideoContainer Matroska = new("Matroska/WebM", ".mkv");
    public static readonly VideoContainer Avi = new("AVI", ".avi");
    public static readonly VideoContainer MpegTs = new("MPEG-TS", ".ts");
    public static readonly VideoContainer MpegPs = new("MPEG-PS", ".mpg");
    public static readonly VideoContainer Flv = new("FLV", ".flv");
    public static readonly VideoContainer Ogg = new("Ogg", ".ogv");
    public static readonly VideoContainer Asf = new("ASF/WMV", ".wmv");

    // ISO base media files start with a box: 4-byte size, 4-byte type. ftyp comes first in MP4, MOV
    // (newer), 3GP and M4V; old QuickTime files may open with any of the others.
    static readonly byte[][] LeadingBoxTypes = ["ftyp"u8.ToArray(), "moov"u8.ToArray(), "mdat"u8.ToArray(), "free"u8.ToArray(),
        "wide"u8.ToArray(), "skip"u8.ToArray(), "pnot"u8.ToArray()];

    static readonly byte[] AsfHeaderGuid = [0x30, 0x26, 0xB2, 0x75, 0x8E, 0x66, 0xCF, 0x11, 0xA6, 0xD9, 0x00, 0xAA, 0x00, 0x62, 0xCE, 0x6C];

    /// <summary>The container, or null when the bytes are not one of the supported video containers.</summary>
    public static VideoContainer? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x1A, 0x45, 0xDF, 0xA3, ..] => Matroska,
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'A', (byte)'V', (byte)'I', (byte)' ' or (byte)'X', ..] => Avi,
        [0x00, 0x00, 0x01, 0xBA, ..] => MpegPs,
        [(byte)'F', (byte)'L', (byte)'V', 0x01, ..] => Flv,
        [(byte)'O', (byte)'g', (byte)'g', (byte)'S', ..] => Ogg,
        _ when head.StartsWith(AsfHeaderGuid) => Asf,
        _ when IsIsoBaseMedia(head) => Mp4,
        _ when IsTransportStream(head, packet: 188, offset: 0) || IsTransportStream(head, packet: 192, offset: 4) => MpegTs,
        _ => null,
    };

    static bool IsIsoBaseMedia(ReadOnlySpan<byte> head)
    {
        if (head.Length < 8)
            return false;
        var isKnownBox = false;
        foreach (var type in LeadingBoxTypes)
            isKnownBox |= head[4..8].SequenceEqual(type);
        if (!isKnownBox)
            return false;
        // A box is at least its own 8-byte header; size 1 means a 64-bit size follows, 0 "to the end".
        var size = BinaryPrimitives.ReadUInt32BigEndian(head);
        return size is 0 or 1 or >= 8;
    }

    // Transport streams are fixed-size packets that each start with the sync byte 0x47; three in a row
    // at the packet stride rule out a text or binary file that merely starts with 'G'. M2TS (Blu-ray,
    // AVCHD) puts a 4-byte time code before each packet.
    static bool IsTransportStream(ReadOnlySpan<byte> head, int packet, int offset) =>
        head.Length > offset + 2 * packet
        && head[offset] == 0x47 && head[offset + packet] == 0x47 && head[offset + 2 * packet] == 0x47;
}
