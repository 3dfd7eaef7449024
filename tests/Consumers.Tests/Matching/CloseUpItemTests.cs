using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Matching;

/// <summary>Close-ups on real photos and the real models: a frame filled by a garment, with no whole person
/// in it, still gives an item, and that item is nearer its own product than a product of another kind.</summary>
public sealed class CloseUpItemTests
{
    [ModelsAndSharedDataFact]
    public void A_close_up_of_a_hoodies_chest_gives_an_item_that_matches_the_hoodie_best()
    {
        var hoodie = TestImages.Decode(TestImages.CatalogPhoto("mh01-black_main.jpg"));
        var pants = TestImages.Decode(TestImages.CatalogPhoto("mp01-black_main.jpg"));
        // The chest band of the studio photo, as a lookbook close-up frames it: about 2:1, no head, no feet.
        var closeUp = Crop(hoodie, new PixelBox(0, hoodie.Height * 0.2f, hoodie.Width, hoodie.Height * 0.6f));
        using var detector = OnnxObjectDetector.Open(Models.Engine, Models.Catalog, new VisionOptions());
        using var embedder = OnnxAppearanceEmbedder.Open(Models.Engine, Models.Catalog, new VisionOptions());
        var finder = new DetectingItemFinder(detector, new ItemDescriber(embedder));

        var items = finder.Find(closeUp);
        var hoodieProduct = finder.FindProduct(hoodie, ItemKind.Upper).Item.Descriptor;
        var pantsProduct = finder.FindProduct(pants, ItemKind.Lower).Item.Descriptor;

        var foreground = Assert.Single(items, i => i.Region.Kind == ItemKind.Any);
        Assert.Equal(2, foreground.Descriptor.Views.Count);
        var weight = new MatchingOptions().AppearanceWeight;
        var toHoodie = ProductReranker.BestPair(foreground.Descriptor, hoodieProduct.Views, weight);
        var toPants = ProductReranker.BestPair(foreground.Descriptor, pantsProduct.Views, weight);
        Assert.True(toHoodie > toPants + 0.05, $"close-up to hoodie {toHoodie:F3}, to pants {toPants:F3}");
    }

    static BgrImage Crop(BgrImage image, PixelBox box)
    {
        var (left, top) = ((int)box.Left, (int)box.Top);
        var (width, height) = ((int)box.Width, (int)box.Height);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            image.Row(top + y).Slice(left * 3, width * 3).CopyTo(pixels.AsSpan(y * width * 3));
        return new BgrImage(width, height, pixels);
    }
}
