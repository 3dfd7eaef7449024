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
        app.MapGet("/catalog/products", async (IProductCatalog catalog, int? offset, int? limit, string? category, CancellationToken ct) =>
            {
                var from = offset ?? 0;
                var size = limit ?? DefaultPageSize;
                if (from < 0)
                    return ApiProblems.BadRequest("offset must not be negative.");
                if (size is < 1 or > MaxPageSize)
                    return ApiProblems.BadRequest($"limit must be between 1 and {MaxPageSize}.");
                return Results.Ok(CatalogProductPage.Of(await catalog.ListAsync(from, size, category, ct), from, size));
            })
            .WithName("ListCatalogProducts")
            .WithSummary("The indexed products, ordered by id, a page at a time, optionally of one category.");

        app.MapGet("/products/{id}", async (string id, IShopConnector shop, CancellationToken ct) =>
                await shop.FindAsync(id, ct) is { } product ? Results.Ok(product) : ApiProblems.NotFound($"No product '{id}'."))
            .WithName("GetProduct")
            .WithSummary("Product details: name, price, rating, availability, URL and images.");

        app.MapGet("/catalog/images/{**key}", async (string key, IObjectStore store, CancellationToken ct) =>
            {
                if (ObjectKey.FindProblem(key) is { } problem)
                    return ApiProblems.BadRequest(problem);
                if (!await store.ExistsAsync(Buckets.Catalog, key, ct))
                    return ApiProblems.NotFound($"No catalog image '{key}'.");
                var contentType = Path.GetExtension(key).ToLowerInvariant() switch
                {
                    ".png" => "image/png",
                    ".webp" => "image/webp",
                    ".gif" => "image/gif",
                    _ => "image/jpeg",
                };
                return Results.Stream(await store.OpenReadAsync(Buckets.Catalog, key, ct), contentType);
            })
            .WithName("GetCatalogImage");
        return app;
    }
}
