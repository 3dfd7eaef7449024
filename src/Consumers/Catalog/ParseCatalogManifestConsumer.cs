using System.Text;
using System.Text.Json;
using MassTransit;
using ShoppableVideo.Consumers.Matching;
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
            var parsed = WithSharedPhotosAfterTheirFirstRow(products.Select(p => new ParsedProduct(ProductImageIdFor(batchId, p), p)));
            await context.Publish(new CatalogManifestParsed(batchId, parsed, errors));
        }
        catch (Exception e) when (e is FormatException or JsonException or FileNotFoundException or InvalidObjectKeyException)
        {
            await context.Publish(new CatalogManifestRejected(batchId, $"the manifest cannot be read: {e.Message}"));
        }
    }

    /// <summary>Rows naming a photo an earlier row names, as the same kind of item (colour variants often
    /// share one photo), run after that first row, so they find its description in the index.</summary>
    static List<ParsedProduct> WithSharedPhotosAfterTheirFirstRow(IEnumerable<ParsedProduct> rows)
    {
        var first = new Dictionary<(string, ItemKind), Guid>();
        return rows.Select(row =>
        {
            var photo = (row.Product.ImageKey, CategoryKinds.For(row.Product.Category));
            if (first.TryGetValue(photo, out var leader))
                return row with { After = leader };
            first[photo] = row.ProductImageId;
            return row;
        }).ToList();
    }

    /// <summary>Name-based: the same batch and row always name the same product image saga.</summary>
    static Guid ProductImageIdFor(Guid batchId, CatalogProduct product) =>
        NameBasedGuid.From($"{batchId:N}|{product.Line}|{product.ProductId}|{product.ImageKey}");
}
