using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Checks the photo exists, is an image and is within the pixel limit (from its header alone),
/// and hashes its bytes: when the index already holds that photo for the product, the saga skips
/// detection and embedding.</summary>
public sealed class DecodeProductImageConsumer(IObjectStore store, IImageInspector inspector, IProductIndex index, CatalogOptions options)
    : IConsumer<DecodeProductImage>
{
    public async Task Consume(ConsumeContext<DecodeProductImage> context)
    {
        var (id, bucket, product) = (context.Message.ProductImageId, context.Message.Bucket, context.Message.Product);
        try
        {
            if (!await store.ExistsAsync(bucket, product.ImageKey, context.CancellationToken))
                throw new MediaRejectedException($"image '{product.ImageKey}' is not in the {bucket} bucket");
            var header = await inspector.InspectAsync(bucket, product.ImageKey, context.CancellationToken);
            if ((long)header.Width * header.Height > options.MaxImagePixels)
                throw new MediaRejectedException(
                    $"image '{product.ImageKey}' is {header.Width}x{header.Height}, over the limit of {options.MaxImagePixels} pixels");
            await using var content = await store.OpenReadAsync(bucket, product.ImageKey, context.CancellationToken);
            var hash = await ContentHash.OfAsync(content, context.CancellationToken);
            var indexed = await index.FindContentHashAsync(product.ProductId, context.CancellationToken);
            await context.Publish(new ProductImageDecoded(id, header.Width, header.Height, hash, AlreadyIndexed: indexed == hash));
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new ProductImageStepFailed(id, ProductImageStepNames.Decode, reason));
        }
    }
}
