using ShoppableVideo.Api.Auth;
using ShoppableVideo.Consumers.Catalog;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>POST /catalog/reindex: the API side of <see cref="CatalogReindexer"/>, for an operator whose
/// product index no longer follows the manifests in the catalog bucket.</summary>
public static class ReindexEndpoint
{
    public static IEndpointRouteBuilder MapReindexEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/catalog/reindex", async (CatalogReindexer reindexer, CancellationToken ct) =>
            {
                var started = await reindexer.StartAsync(ct);
                var batches = started.Batches
                    .Select(b => new ReindexBatch(b.Manifest, b.BatchId, $"/catalog/batches/{b.BatchId:N}")).ToList();
                return Results.Accepted("/catalog/batches", new ReindexAccepted(batches, started.Released));
            })
            .RequireWriteKey()
            .DisableAntiforgery()
            .WithName("ReindexCatalog")
            .WithSummary("Rebuild the product index from the manifests in the catalog bucket.")
            .WithDescription("Applies every manifest in the catalog bucket again as a new batch (unchanged photos keep their " +
                "vectors) and at once removes the products that only manifests no longer in the bucket listed. Follow each " +
                "batch at its status URL.")
            .Produces<ReindexAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}

public sealed record ReindexBatch(string Manifest, Guid Id, string Status);

/// <summary>Released: the products removed because no manifest in the bucket lists them.</summary>
public sealed record ReindexAccepted(IReadOnlyList<ReindexBatch> Batches, IReadOnlyList<string> Released);
