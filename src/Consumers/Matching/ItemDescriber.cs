using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>Describes regions the same way for catalog photos and video frames: re-ID appearance from
/// the embedder plus the colour histogram, so the two sides of a match are comparable.</summary>
public sealed class ItemDescriber(IAppearanceEmbedder embedder)
{
    public string Model => embedder.Model;

    public IReadOnlyList<ItemDescriptor> Describe(BgrImage image, IReadOnlyList<ItemRegion> regions)
    {
        if (regions.Count == 0)
            return [];
        var appearances = embedder.Embed(image, regions.Select(r => r.Box).ToList());
        return regions.Select((r, i) => new ItemDescriptor(appearances[i], ColourDescriptor.Describe(image, r.Box))).ToList();
    }
}
