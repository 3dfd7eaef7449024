using ShoppableVideo.Api.Shop;
using ShoppableVideo.Consumers.Catalog;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>One page of <c>GET /catalog/products</c>: the manifest's facts for each product, ordered by
/// id, and how many products match in all.</summary>
public record CatalogProductPage(int Total, int Offset, int Limit, IReadOnlyList<CatalogProductSummary> Items)
{
    public static CatalogProductPage Of(CatalogPage page, int offset, int limit, string defaultCurrency) =>
        new(page.Total, offset, limit, page.Entries.Select(entry => CatalogProductSummary.Of(entry, defaultCurrency)).ToList());
}

public record CatalogProductSummary(
    string Id,
    string Name,
    decimal? Price,
    string Currency,
    string Category,
    double? Rating,
    string? Availability,
    string? Url,
    string Image,
    DateTimeOffset IndexedAt)
{
    public static CatalogProductSummary Of(CatalogEntry entry, string defaultCurrency)
    {
        var product = entry.Product;
        return new(product.ProductId, product.Name, product.Price, product.Currency ?? defaultCurrency, product.Category, product.Rating,
            product.Availability, product.Url, ManifestShopConnector.ImagePath(product.ProductId), entry.IndexedAt);
    }
}
