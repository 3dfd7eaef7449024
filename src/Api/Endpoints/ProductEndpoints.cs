using ShoppableVideo.Api.Shop;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>The indexed products, product details through the configured shop connector, and the
/// catalog's photos. The list shows the manifest's facts only: a page of a hundred products must not
/// become a hundred calls to the shop.</summary>
public static class ProductEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalog/products", async (IProductCatalog catalog, ShopOptions shop, int? offset, int? limit, string? category, string? q,
                CancellationToken ct) =>
            {
                var from = offset ?? 0;
                var size = limit ?? DefaultPageSize;
                if (from < 0)
                    return ApiProblems.BadRequest("offset must not be negative.");
                if (size is < 1 or > MaxPageSize)
                    return ApiProblems.BadRequest($"limit must be between 1 and {MaxPageSize}.");
                return Results.Ok(CatalogProductPage.Of(await catalog.ListAsync(from, size, new ProductFilter(category, q), ct), from, size, shop.DefaultCurrency));
            })
            .WithName("ListCatalogProducts")
            .WithSummary("The indexed products, ordered by id, a page at a time, optionally of one category and whose id or name contains q.");

        app.MapGet("/products/{id}", async (string id, IShopConnector shop, CancellationToken ct) =>
                await shop.FindAsync(id, ct) is { } product ? Results.Ok(product) : ApiProblems.NotFound($"No product '{id}'."))
            .WithName("GetProduct")
            .WithSummary("Product details: name, price, rating, availability, URL and images.");

        // Addressed by product, not by key: only a photo a manifest names for an indexed product is served,
        // never the manifests or anything else that sits in the catalog bucket.
        app.MapGet("/catalog/products/{id}/image", async (string id, IProductCatalog catalog, IObjectStore store, CancellationToken ct) =>
            {
                if (await catalog.FindAsync(id, ct) is not { } entry)
                    return ApiProblems.NotFound($"No product '{id}'.");
                var key = entry.Product.ImageKey;
                if (!await store.ExistsAsync(Buckets.Catalog, key, ct))
                    return ApiProblems.NotFound($"The photo the manifest names for product '{id}' is not in the catalog bucket.");
                var contentType = Path.GetExtension(key).ToLowerInvariant() switch
                {
                    ".png" => "image/png",
                    ".webp" => "image/webp",
                    ".gif" => "image/gif",
                    _ => "image/jpeg",
                };
                return Results.Stream(await store.OpenReadAsync(Buckets.Catalog, key, ct), contentType);
            })
            .WithName("GetCatalogProductImage")
            .WithSummary("The photo the catalog manifest names for the product.");
        return app;
    }
}
