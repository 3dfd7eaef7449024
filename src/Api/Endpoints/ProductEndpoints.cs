using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Shop;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Product details through the configured shop connector, and the catalog's photos.</summary>
public static class ProductEndpoints
{
    public static IEndpointRouteBuilder MapProductEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/products/{id}", async (string id, IShopConnector shop, CancellationToken ct) =>
                await shop.FindAsync(id, ct) is { } product ? Results.Ok(product) : ApiProblems.NotFound($"No product '{id}'."))
            .AllowReads()
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
            .AllowReads()
            .WithName("GetCatalogImage");
        return app;
    }
}
