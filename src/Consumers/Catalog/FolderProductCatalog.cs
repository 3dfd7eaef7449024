using System.Text.Json;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>One JSON document per product in the output bucket, keyed by product id. Re-indexing an
/// unchanged product leaves its document alone.</summary>
public sealed class FolderProductCatalog(IObjectStore store) : IProductCatalog
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string KeyFor(string productId) => $"catalog/products/{Uri.EscapeDataString(productId)}.json";

    public async Task UpsertAsync(CatalogProduct product, string imageContentHash, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(product.ProductId, cancellationToken);
        if (existing is not null && existing.ImageContentHash == imageContentHash && existing.Product with { Line = 0 } == product with { Line = 0 })
            return;
        var entry = new CatalogEntry(product, imageContentHash, DateTimeOffset.UtcNow);
        await store.WriteAsync(Buckets.Output, KeyFor(product.ProductId),
            new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(entry, Json)), cancellationToken);
    }

    public async Task DeleteAsync(string productId, CancellationToken cancellationToken)
    {
        if (await store.ExistsAsync(Buckets.Output, KeyFor(productId), cancellationToken))
            await store.DeleteAsync(Buckets.Output, KeyFor(productId), cancellationToken);
    }

    public async Task<CatalogEntry?> FindAsync(string productId, CancellationToken cancellationToken)
    {
        var key = KeyFor(productId);
        if (!await store.ExistsAsync(Buckets.Output, key, cancellationToken))
            return null;
        await using var stream = await store.OpenReadAsync(Buckets.Output, key, cancellationToken);
        return await JsonSerializer.DeserializeAsync<CatalogEntry>(stream, Json, cancellationToken);
    }
}
