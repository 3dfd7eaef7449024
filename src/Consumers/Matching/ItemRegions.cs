using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// Turns detections into regions that can hold a catalog item. The detectors know people and bags, not
/// garments, so a person box is cut by body proportions: torso for Upper, hips to ankles for Lower, the
/// body below the head for Full. A person cut by the image border (catalog photos stop at mid-thigh, or
/// start at the waist) is measured from the edge that is still visible.
/// </summary>
public static class ItemRegions
{
    public const int PersonClass = 0;

    /// <summary>COCO backpack, handbag and suitcase.</summary>
    public static readonly IReadOnlySet<int> BagClasses = new HashSet<int> { 24, 26, 28 };

    // Fractions of a standing person's full height, head at 0.
    const float UpperTop = 0.14f, UpperBottom = 0.52f;
    const float LowerTop = 0.47f, LowerBottom = 0.97f;
    const float FullTop = 0.12f;

    /// <summary>A standing person is about this many times taller than wide; a box much squatter than
    /// that and touching the border is a person the photo cut off.</summary>
    const float StandingAspect = 2.6f;

    /// <summary>A body part showing less than this share of the person's height is not worth describing.</summary>
    const float MinVisibleShare = 0.1f;

    /// <summary>Every region in the detections: Upper, Lower and Full for each person, Bag for each bag.</summary>
    public static IReadOnlyList<ItemRegion> From(IEnumerable<Detection> detections, int width, int height)
    {
        var regions = new List<ItemRegion>();
        foreach (var detection in detections)
        {
            if (detection.ClassId == PersonClass)
                regions.AddRange(OfPerson(detection.Box, detection.Score, width, height));
            else if (BagClasses.Contains(detection.ClassId))
                regions.Add(new ItemRegion(ItemKind.Bag, detection.Box.ClampTo(width, height), detection.Score));
        }
        return regions;
    }

    /// <summary>The Upper, Lower and Full parts of one person box that are visible in the image.</summary>
    public static IEnumerable<ItemRegion> OfPerson(PixelBox person, float score, int width, int height)
    {
        var box = person.ClampTo(width, height);
        if (box.Area <= 0)
            yield break;

        // Two pixels of slack: detectors rarely put the edge exactly on the border.
        var cutAtTop = box.Top <= 2;
        var cutAtBottom = box.Bottom >= height - 2;
        var fullHeight = cutAtTop || cutAtBottom ? MathF.Max(box.Height, box.Width * StandingAspect) : box.Height;
        // Where the head would be: the visible top, unless only the bottom (the feet) is visible.
        var headAt = cutAtTop && !cutAtBottom ? box.Bottom - fullHeight : box.Top;

        foreach (var (kind, from, to) in new[]
                 {
                     (ItemKind.Upper, UpperTop, UpperBottom),
                     (ItemKind.Lower, LowerTop, LowerBottom),
                     (ItemKind.Full, FullTop, 1f),
                 })
        {
            var part = new PixelBox(box.Left, MathF.Max(box.Top, headAt + from * fullHeight),
                box.Right, MathF.Min(box.Bottom, headAt + to * fullHeight));
            if (part.Height >= MathF.Max(8, MinVisibleShare * fullHeight))
                yield return new ItemRegion(kind, part, score);
        }
    }
}
