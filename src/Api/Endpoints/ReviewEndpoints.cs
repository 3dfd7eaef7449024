using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Reviewers approve, reject or replace a product in a shot. The served document follows the
/// reviews; the machine's document and every review stay as history.</summary>
public static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/videos/{id:guid}/shots/{shot:int}/reviews", async (Guid id, int shot, ReviewRequest request, HttpContext http,
                ISagaStateReader<VideoProcessingState> videos, ShoppableDocumentReader documents, IReviewStore reviews,
                IProductCatalog catalog, CancellationToken ct) =>
            {
                if (!ReviewActions.All.Contains(request.Action))
                    return ApiProblems.BadRequest($"action must be one of {string.Join(", ", ReviewActions.All)}.");
                if (string.IsNullOrWhiteSpace(request.ProductId))
                    return ApiProblems.BadRequest("productId is required.");
                if (await ShoppableEndpoints.MissingDocumentAsync(id, videos, ct) is { } missing)
                    return missing;
                var segment = (await documents.ReadReviewedAsync(id, ct))!.Segments.FirstOrDefault(s => s.Index == shot);
                if (segment is null)
                    return ApiProblems.NotFound($"Video {id:N} has no shot {shot}.");
                if (segment.Products.All(p => p.ProductId != request.ProductId))
                    return ApiProblems.Unprocessable($"Product '{request.ProductId}' is not shown in shot {shot}.");
                if (request.Action == ReviewActions.Replace && await ReplacementProblemAsync(request, segment, catalog, ct) is { } problem)
                    return problem;

                var review = await reviews.AddAsync(id, shot, request, ApiKeyFilter.CallerName(http), ct);
                return Results.Created($"/videos/{id:N}/reviews", review);
            })
            .RequireWriteKey()
            .WithName("ReviewShotProduct")
            .WithSummary("Approve, reject or replace a product in a shot (action: approve | reject | replace).");

        app.MapGet("/videos/{id:guid}/reviews", async (Guid id, IReviewStore reviews, CancellationToken ct) =>
                await reviews.ListAsync(id, ct))
            .WithName("ListReviews")
            .WithSummary("Every review of the video, oldest first.");
        return app;
    }

    static async Task<IResult?> ReplacementProblemAsync(ReviewRequest request, ReviewedSegment segment, IProductCatalog catalog, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.ReplacementProductId))
            return ApiProblems.BadRequest("replace needs replacementProductId.");
        if (segment.Products.Any(p => p.ProductId == request.ReplacementProductId))
            return ApiProblems.Unprocessable($"Product '{request.ReplacementProductId}' is already in shot {segment.Index}.");
        if (await catalog.FindAsync(request.ReplacementProductId, ct) is null)
            return ApiProblems.Unprocessable($"No catalog product '{request.ReplacementProductId}'.");
        return null;
    }
}
