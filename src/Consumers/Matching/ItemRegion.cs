using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// A region of an image that may hold one catalog item, with the detector's confidence in it. Subject is
/// the whole detection the region was cut from (the person for a torso, the bag itself for a bag): the
/// re-ID embedder was trained on whole people, so appearance is read from the subject and colour from
/// the region.
/// </summary>
public sealed record ItemRegion(ItemKind Kind, PixelBox Box, float DetectionScore, PixelBox Subject)
{
    /// <summary>A region that is its own subject: a bag, or a whole photo standing in for the item.</summary>
    public static ItemRegion Whole(ItemKind kind, PixelBox box, float detectionScore) => new(kind, box, detectionScore, box);
}
