using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>The one region of a catalog photo that shows the product, and how it was chosen (kept in the
/// product image saga so a poor match can be explained).</summary>
public sealed record ProductPhotoRegion(ItemRegion Region, string Analysis)
{
    /// <summary>
    /// Picks the region of the product's kind from the most confident person (or bag). Bags are usually
    /// shot alone on white, where the detector often finds nothing: then the whole photo is the bag. A
    /// garment with no person in the photo is a flat lay; the whole photo stands in, and the analysis says so.
    /// </summary>
    public static ProductPhotoRegion Choose(ItemKind kind, IReadOnlyList<Detection> detections, int width, int height)
    {
        var wholePhoto = new PixelBox(0, 0, width, height);
        if (kind == ItemKind.Bag)
        {
            var bag = detections.Where(d => ItemRegions.BagClasses.Contains(d.ClassId)).MaxBy(d => d.Score);
            return bag is null
                ? new(ItemRegion.Whole(kind, wholePhoto, 0), "no bag detected: the whole photo is the bag")
                : new(ItemRegion.Whole(kind, bag.Box.ClampTo(width, height), bag.Score), $"{bag.Label} {bag.Score:0.00}");
        }

        var people = detections.Where(d => d.ClassId == ItemRegions.PersonClass).OrderByDescending(d => d.Score);
        foreach (var person in people)
            if (ItemRegions.OfPerson(person.Box, person.Score, width, height, feetWhenCutBothEnds: kind == ItemKind.Lower)
                    .FirstOrDefault(r => r.Kind == kind) is { } region)
                return new(region, $"person {person.Score:0.00}: {kind.ToString().ToLowerInvariant()} region");

        return new(ItemRegion.Whole(kind, wholePhoto, 0),
            $"no person showing the {kind.ToString().ToLowerInvariant()} body: the whole photo is used as {kind}");
    }
}
