using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>The products the shop sells, as the catalog manifests describe them.</summary>
public interface IProductCatalog
{
    Task UpsertAsync(CatalogProduct product, string imageContentHash, CancellationToken cancellationToken);

    Task<CatalogEntry?> FindAsync(string productId, CancellationToken cancellationToken);

    /// <summary>Removes the product; nothing happens when it is not there.</summary>
    Task DeleteAsync(string productId, CancellationToken cancellationToken);

    /// <summary>One page of the indexed products that pass the filter, in ordinal order of product id, with
    /// the count of all that pass.</summary>
    Task<CatalogPage> ListAsync(int offset, int limit, ProductFilter filter, CancellationToken cancellationToken);
}

public record CatalogEntry(CatalogProduct Product, string ImageContentHash, DateTimeOffset IndexedAt);

public record CatalogPage(int Total, IReadOnlyList<CatalogEntry> Entries);
