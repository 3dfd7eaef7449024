using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>Describes regions the same way for catalog photos and video frames: re-ID appearance of the
/// region's subject (the embedder's training distribution is whole people, and the upper, lower and full
/// regions of one person share one embedding) plus the colour histogram of the region itself, so the two
/// sides of a match are comparable.</summary>
public sealed class ItemDescriber(IAppearanceEmbedder embedder)
{
    public string Model => embedder.Model;

    public IReadOnlyList<ItemDescriptor> Describe(BgrImage image, IReadOnlyList<ItemRegion> regions)
    {
        if (regions.Count == 0)
            return [];
        var subjects = regions.Select(r => r.Subject).Distinct().ToList();
        var appearances = embedder.Embed(image, subjects);
        return regions.Select(r => new ItemDescriptor(appearances[subjects.IndexOf(r.Subject)], ColourDescriptor.Describe(image, r.Box))).ToList();
    }
}
