using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>Finds the regions of an image that may hold catalog items and describes each. Video frames,
/// catalog photos and query photos go through the same detector and describer, so a photo and a frame of
/// the same jacket are described the same way.</summary>
public interface IItemFinder
{
    /// <summary>Every region in a video frame: upper, lower and full parts of each person, and bags.</summary>
    IReadOnlyList<DescribedItem> Find(BgrImage image);

    /// <summary>The one region of a product photo that shows an item of this kind, chosen as the catalog
    /// chooses it, with the reason it was chosen.</summary>
    (DescribedItem Item, string Analysis) FindProduct(BgrImage image, ItemKind kind);
}
