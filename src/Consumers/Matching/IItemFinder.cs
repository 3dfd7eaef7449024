using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>Finds the regions of an image that may hold catalog items (detect, then split people into
/// upper, lower and full regions) and describes each. Video frames and query photos go through the same
/// finder, so a photo and a frame of the same jacket are described the same way.</summary>
public interface IItemFinder
{
    IReadOnlyList<DescribedItem> Find(BgrImage image);
}
