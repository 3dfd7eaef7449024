using ShoppableVideo.Consumers.Catalog;

namespace ShoppableVideo.Api.Shop;

/// <summary>Product details as the catalog manifest gave them, from the indexed catalog.</summary>
public sealed class ManifestShopConnector(IProductCatalog catalog, ShopOptions options) : IShopConnector
{
    public const string SourceName = "manifest";

    public async Task<ShopProduct?> FindAsync(string productId, CancellationToken cancellationToken) =>
        await catalog.FindAsync(productId, cancellationToken) is { } entry ? From(entry, options.DefaultCurrency) : null;

    /// <summary>A price is only shown with its currency: the row's, else the configured default.</summary>
    public static ShopProduct From(CatalogEntry entry, string defaultCurrency)
    {
        var product = entry.Product;
        return new ShopProduct(product.ProductId, product.Name, product.Price, product.Currency ?? defaultCurrency, product.Rating,
            product.Availability, product.Url, [ImagePath(product.ProductId)], SourceName);
    }

    /// <summary>The catalog photo as the API serves it.</summary>
    public static string ImagePath(string productId) => $"/catalog/products/{Uri.EscapeDataString(productId)}/image";
}
