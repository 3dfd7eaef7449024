namespace ShoppableVideo.Messages;

/// <summary>What ffprobe (or MediaConvert) says about a video stream. Width and Height are the stored
/// (coded) size; a phone's portrait video is stored landscape with a quarter turn to show it upright.</summary>
public record VideoProbe(
    double DurationSeconds,
    double FramesPerSecond,
    int Width,
    int Height,
    string Codec,
    int RotationDegrees,
    long EstimatedFrameCount)
{
    bool QuarterTurn => Math.Abs(RotationDegrees) % 180 == 90;

    /// <summary>The width it shows at, turned upright: what a player shows and the frames are analysed at.</summary>
    public int DisplayWidth => QuarterTurn ? Height : Width;

    public int DisplayHeight => QuarterTurn ? Width : Height;
}

/// <summary>A frame kept as a raw BGR artifact at analysis size (RawFrameFormat: magic, width, height, bgr24
/// bytes), at an exact frame number and presentation time.</summary>
public record RepresentativeFrame(long FrameNumber, double Seconds, string ArtifactKey);

/// <summary>A shot: frames [StartFrame, EndFrame] inclusive, with the frames chosen to stand for it.</summary>
public record Segment(
    int Index,
    long StartFrame,
    long EndFrame,
    double StartSeconds,
    double EndSeconds,
    IReadOnlyList<RepresentativeFrame> Frames);

/// <summary>A box in image coordinates normalised to 0..1.</summary>
public record NormalizedBox(double Left, double Top, double Width, double Height);

/// <summary>A catalog product seen in a shot: Score is its vote across the shot's frames (0..1), Box and
/// Seconds where it was seen best, Kind the garment it was matched as ("upper", "lower", "full" or "bag"),
/// so a player can tell a jacket from the trousers under it. Match is "exact" when the shot is confident
/// this is the product, "similar" when it is a look-alike to shop the look; Confidence (0..1) says how sure.</summary>
public record ProductMatch(string ProductId, double Score, NormalizedBox Box, double Seconds, string Kind,
    string Match = ProductMatches.Similar, double Confidence = 0);

/// <summary>The two kinds of <see cref="ProductMatch.Match"/>.</summary>
public static class ProductMatches
{
    public const string Exact = "exact";
    public const string Similar = "similar";
}

/// <summary>The products found in one shot. ItemsSeen counts the item regions (people, garments, bags)
/// found across the shot's representative frames, so a shot without products can say whether nothing was
/// seen or nothing seen was close enough to the catalog; null where unknown (no models, or a saga from
/// before it was counted).</summary>
public record SegmentMatches(int SegmentIndex, IReadOnlyList<ProductMatch> Products, int? ItemsSeen = null);
