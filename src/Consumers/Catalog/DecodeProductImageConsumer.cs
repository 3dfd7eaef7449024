using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Checks the photo exists, is an image and is within the pixel limit (from its header alone,
/// read in managed code, so a bomb is refused before anything decodes it), then decodes it to prove it
/// decodes (through <see cref="DecodedPhotoCache"/>, which keeps the pixels for the steps after it), and
/// hashes its bytes. When the index already holds that very photo for the product, or for another product of
/// the same kind (rows sharing a photo), it is neither decoded again here nor detected and embedded again by
/// the saga.</summary>
public sealed class DecodeProductImageConsumer(IObjectStore store, DecodedPhotoCache decoder, IProductIndex index, CatalogOptions options)
    : IConsumer<DecodeProductImage>
{
    public async Task Consume(ConsumeContext<DecodeProductImage> context)
    {
        var (id, bucket, product) = (context.Message.ProductImageId, context.Message.Bucket, context.Message.Product);
        var key = product.ImageKey;
        var cancellationToken = context.CancellationToken;
        try
        {
            if (!await store.ExistsAsync(bucket, key, cancellationToken))
                throw new MediaRejectedException($"image '{key}' is not in the {bucket} bucket");

            await using var content = await store.OpenReadAsync(bucket, key, cancellationToken);
            var head = new byte[ImageHeaderReader.HeadLength];
            var headLength = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            var header = ReadHeader(key, head.AsSpan(0, headLength));
            if (header.FindOverLimit(options.MaxImagePixels) is { } tooLarge)
                throw new MediaRejectedException($"image '{key}' {tooLarge}");

            // Only now, with the size known to be sane, is the rest of the file read.
            var bytes = await ReadRestAsync(key, head.AsMemory(0, headLength), content, cancellationToken);
            var hash = await ContentHash.OfAsync(new MemoryStream(bytes, writable: false), cancellationToken);
            var alreadyIndexed = await index.FindContentHashAsync(product.ProductId, cancellationToken) == hash;
            var describedBefore = alreadyIndexed ? null : await DescribedBeforeAsync(hash, product, cancellationToken);
            if (!alreadyIndexed && describedBefore is null)
            {
                try
                {
                    await decoder.DecodeAsync(bytes, options.DecodeMaxSide, cancellationToken);
                }
                catch (MediaRejectedException e)
                {
                    throw new MediaRejectedException($"image '{key}' does not decode: {e.Reason}");
                }
            }
            await context.Publish(new ProductImageDecoded(id, header.Width, header.Height, hash, alreadyIndexed, describedBefore));
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new ProductImageStepFailed(id, ProductImageStepNames.Decode, reason));
        }
    }

    async Task<EmbeddedItem?> DescribedBeforeAsync(string hash, CatalogProduct product, CancellationToken cancellationToken)
    {
        var kind = CategoryKinds.For(product.Category);
        return await index.FindDescriptorOfPhotoAsync(hash, kind, cancellationToken) is { } descriptor
            ? new EmbeddedItem(kind.ToString(), descriptor.Views.Select(v => new EmbeddedView(v.Appearance, v.Colour)).ToList())
            : null;
    }

    static ImageHeader ReadHeader(string key, ReadOnlySpan<byte> head)
    {
        try
        {
            return ImageHeaderReader.Read(head);
        }
        catch (MediaRejectedException e)
        {
            throw new MediaRejectedException($"'{key}' is {e.Reason}");
        }
    }

    async Task<byte[]> ReadRestAsync(string key, ReadOnlyMemory<byte> head, Stream content, CancellationToken cancellationToken)
    {
        using var all = new MemoryStream();
        all.Write(head.Span);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (all.Length + read > options.MaxImageBytes)
                throw new MediaRejectedException($"image '{key}' is larger than the limit of {options.MaxImageBytes} bytes");
            all.Write(buffer, 0, read);
        }
        return all.ToArray();
    }
}
