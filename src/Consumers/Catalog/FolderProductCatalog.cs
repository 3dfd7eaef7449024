using System.Text.Json;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>One JSON document per product in the output bucket, keyed by product id. Re-indexing an
/// unchanged product leaves its document alone.</summary>
public sealed class FolderProductCatalog(IObjectStore store) : IProductCatalog
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    const string Prefix = "catalog/products/";
    const string Extension = ".json";

    public static string KeyFor(string productId) => $"{Prefix}{Uri.EscapeDataString(productId)}{Extension}";

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

    public async Task<CatalogPage> ListAsync(int offset, int limit, ProductFilter filter, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        var ids = new List<string>();
        await foreach (var key in store.ListAsync(Buckets.Output, Prefix, cancellationToken))
            if (ProductIdOf(key) is { } id)
                ids.Add(id);
        ids.Sort(StringComparer.Ordinal);

        if (filter.IsEmpty)
            return new CatalogPage(ids.Count, await ReadAllAsync(ids.Skip(offset).Take(limit), cancellationToken));

        // Category and name live inside each document, so filtering reads them all; an index keyed by
        // them is the remedy if catalogs grow past a few thousand products.
        var matching = (await ReadAllAsync(ids, cancellationToken))
            .Where(entry => filter.Matches(entry.Product))
            .ToList();
        return new CatalogPage(matching.Count, matching.Skip(offset).Take(limit).ToList());
    }

    async Task<IReadOnlyList<CatalogEntry>> ReadAllAsync(IEnumerable<string> productIds, CancellationToken cancellationToken)
    {
        var entries = new List<CatalogEntry>();
        // A product deleted between listing and reading is simply left out.
        foreach (var id in productIds)
            if (await FindAsync(id, cancellationToken) is { } entry)
                entries.Add(entry);
        return entries;
    }

    static string? ProductIdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || !key.EndsWith(Extension, StringComparison.Ordinal))
            return null;
        var name = key[Prefix.Length..^Extension.Length];
        return name.Length == 0 || name.Contains('/') ? null : Uri.UnescapeDataString(name);
    }
}
