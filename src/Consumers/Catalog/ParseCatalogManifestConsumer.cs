using System.Text;
using System.Text.Json;
using MassTransit;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

public sealed class ParseCatalogManifestConsumer(IObjectStore store) : IConsumer<ParseCatalogManifest>
{
    /// <summary>Manifests larger than this are refused rather than read into memory.</summary>
    public const long MaxManifestBytes = 64L << 20;

    public async Task Consume(ConsumeContext<ParseCatalogManifest> context)
    {
        var (batchId, manifest) = (context.Message.BatchId, context.Message.Manifest);
        if (manifest.Size > MaxManifestBytes)
        {
            await context.Publish(new CatalogManifestRejected(batchId, $"the manifest is larger than {MaxManifestBytes >> 20} MiB"));
            return;
        }
        try
        {
            await using var stream = await store.OpenReadAsync(manifest.Bucket, manifest.Key, context.CancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var (products, errors) = CatalogManifestParser.Parse(manifest.Key, reader);
            var parsed = products.Select(p => new ParsedProduct(ProductImageIdFor(batchId, p), p)).ToList();
            await context.Publish(new CatalogManifestParsed(batchId, parsed, errors));
        }
        catch (Exception e) when (e is FormatException or JsonException or FileNotFoundException or InvalidObjectKeyException)
        {
            await context.Publish(new CatalogManifestRejected(batchId, $"the manifest cannot be read: {e.Message}"));
        }
    }

    /// <summary>Name-based: the same batch and row always name the same product image saga.</summary>
    static Guid ProductImageIdFor(Guid batchId, CatalogProduct product) =>
        NameBasedGuid.From($"{batchId:N}|{product.Line}|{product.ProductId}|{product.ImageKey}");
}
