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

    /// <summary>Full height over box width for a person standing with arms down, used to size a person
    /// the border cut off. Measured on Luma catalog photos (hoodies cut at the thigh, shorts cut at the
    /// chest): 3.0 to 3.4; with 2.6 the torso region took in the face and lost the hem.</summary>
    const float StandingAspect = 3.3f;

    const float BorderSlack = 0.04f;

    /// <summary>A body part showing less than this share of the person's height is not worth describing.</summary>
    const float MinVisibleShare = 0.1f;

    /// <summary>The share of a close-up frame's width and height its foreground region keeps: the garment
    /// fills the frame, and its edges are where background and other garments show.</summary>
    const float ForegroundShare = 0.7f;

    /// <summary>Every region in the detections: Upper, Lower and Full for each person, Bag for each bag, and
    /// for a close-up (no person, or none whose body proportions can be read) the frame's foreground as a
    /// region of any kind.</summary>
    public static IReadOnlyList<ItemRegion> From(IEnumerable<Detection> detections, int width, int height)
    {
        var regions = new List<ItemRegion>();
        var readablePerson = false;
        foreach (var detection in detections)
        {
            if (detection.ClassId == PersonClass)
            {
                regions.AddRange(OfPerson(detection.Box, detection.Score, width, height));
                readablePerson |= !IsCloseUp(detection.Box, height);
            }
            else if (BagClasses.Contains(detection.ClassId))
                regions.Add(ItemRegion.Whole(ItemKind.Bag, detection.Box.ClampTo(width, height), detection.Score));
        }
        if (!readablePerson)
            regions.Add(Foreground(width, height));
        return regions;
    }

    /// <summary>A person cut by both the top and the bottom of the frame is a close-up: neither the head nor
    /// the feet show, so the body-proportion cuts guess where the garments are.</summary>
    static bool IsCloseUp(PixelBox person, int height) => CutBy(person, height) is (true, true);

    /// <summary>Whether the image's top and bottom borders cut the person. Detectors stop short of the border
    /// on a cut person (yolox-nano: 2-3% of the image on Luma's thigh-cut photos), so "touching" allows that much.</summary>
    static (bool Top, bool Bottom) CutBy(PixelBox person, int height)
    {
        var slack = MathF.Max(2, BorderSlack * height);
        return (person.Top <= slack, person.Bottom >= height - slack);
    }

    static ItemRegion Foreground(int width, int height) =>
        new(ItemKind.Any, PixelBox.Centred(width, height, ForegroundShare), 0, new PixelBox(0, 0, width, height));

    /// <summary>The Upper, Lower and Full parts of one person box that are visible in the image.</summary>
    /// <param name="feetWhenCutBothEnds">which end is in the photo when the person touches both the top
    /// and the bottom border: the head (video frames, tops in catalog photos) or the feet (Luma's
    /// bottoms are shot from the chest down to the shoes).</param>
    public static IEnumerable<ItemRegion> OfPerson(PixelBox person, float score, int width, int height,
        bool feetWhenCutBothEnds = false)
    {
        var box = person.ClampTo(width, height);
        if (box.Area <= 0)
            yield break;

        var (cutAtTop, cutAtBottom) = CutBy(box, height);
        var fullHeight = cutAtTop || cutAtBottom ? MathF.Max(box.Height, box.Width * StandingAspect) : box.Height;
        // Where the head would be: the visible top, unless the feet are what the photo shows.
        var feetVisible = cutAtTop && (!cutAtBottom || feetWhenCutBothEnds);
        var headAt = feetVisible ? box.Bottom - fullHeight : box.Top;

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
                yield return new ItemRegion(kind, part, score, box);
        }
    }
}
