using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>The detector's people and bags cut into item regions (<see cref="ItemRegions"/>), each
/// described by <see cref="ItemDescriber"/>. Catalog photos choose their one region with
/// <see cref="ProductPhotoRegion"/>, the same rule catalog ingestion applies.</summary>
public sealed class DetectingItemFinder(IObjectDetector detector, ItemDescriber describer) : IItemFinder
{
    public IReadOnlyList<DescribedItem> Find(BgrImage image)
    {
        var regions = ItemRegions.From(detector.Detect(image), image.Width, image.Height);
        var descriptors = describer.Describe(image, regions);
        return regions.Select((r, i) => new DescribedItem(r, descriptors[i])).ToList();
    }

    public (DescribedItem Item, string Analysis) FindProduct(BgrImage image, ItemKind kind)
    {
        var chosen = ProductPhotoRegion.Choose(kind, detector.Detect(image), image.Width, image.Height);
        return (new DescribedItem(chosen.Region, describer.DescribeProduct(image, chosen.Region)), chosen.Analysis);
    }
}
