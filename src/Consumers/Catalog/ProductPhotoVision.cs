using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Product photos through the decoder, the detector (the region is chosen by
/// <see cref="ProductPhotoRegion"/>) and the item describer. Each step decodes the photo through the cache,
/// so the decode step's pixels serve the detect and embed steps after it.</summary>
public sealed class ProductPhotoVision(IObjectStore store, DecodedPhotoCache decoder, IObjectDetector detector, ItemDescriber describer,
    CatalogOptions options) : IProductPhotoVision
{
    public async Task<(DetectedItem? Item, string Analysis)> FindProductAsync(string bucket, CatalogProduct product,
        CancellationToken cancellationToken)
    {
        var image = await DecodeAsync(bucket, product.ImageKey, cancellationToken);
        var kind = CategoryKinds.For(product.Category);
        var chosen = ProductPhotoRegion.Choose(kind, detector.Detect(image), image.Width, image.Height);
        var item = new DetectedItem(kind.ToString(), chosen.Region.Box.Normalize(image.Width, image.Height), chosen.Region.DetectionScore,
            chosen.Region.Subject.Normalize(image.Width, image.Height));
        return (item, $"{detector.Model}: {chosen.Analysis}");
    }

    public async Task<EmbeddedItem?> DescribeAsync(string bucket, CatalogProduct product, DetectedItem item,
        CancellationToken cancellationToken)
    {
        var image = await DecodeAsync(bucket, product.ImageKey, cancellationToken);
        var kind = Enum.Parse<ItemKind>(item.Kind);
        var region = new ItemRegion(kind, PixelBox.From(item.Box, image.Width, image.Height), (float)item.Score,
            PixelBox.From(item.Subject, image.Width, image.Height));
        var descriptor = describer.DescribeProduct(image, region);
        return new EmbeddedItem(item.Kind, descriptor.Views.Select(v => new EmbeddedView(v.Appearance, v.Colour)).ToList());
    }

    async Task<BgrImage> DecodeAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return await decoder.DecodeAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options.DecodeMaxSide, cancellationToken);
    }
}
