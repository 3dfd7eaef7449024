using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Endpoints;

/// <summary>Reviewers approve, reject, replace or add a product in a shot. The served document follows the
/// reviews; the machine's document and every review stay as history. Each review keeps the product's box, time
/// and kind as the reviewer saw (or drew) it, so it carries over to a re-matched version that no longer lists it.</summary>
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
                if (request.Action == ReviewActions.Add)
                {
                    if (await AdditionProblemAsync(request, segment, catalog, ct) is { } problem)
                        return problem;
                }
                else if (segment.Products.All(p => p.ProductId != request.ProductId))
                    return ApiProblems.Unprocessable($"Product '{request.ProductId}' is not shown in shot {shot}.");
                if (request.Action == ReviewActions.Replace && await ReplacementProblemAsync(request, segment, catalog, ct) is { } replacement)
                    return replacement;

                var review = await reviews.AddAsync(id, shot, request, await ItemAsync(request, segment, catalog, ct),
                    ApiKeyFilter.CallerName(http), ct);
                return Results.Created($"/videos/{id:N}/reviews", review);
            })
            .RequireWriteKey()
            .WithName("ReviewShotProduct")
            .WithSummary("Approve, reject, replace or add a product in a shot (action: approve | reject | replace | add). " +
                         "replace needs replacementProductId; add (a product the machine missed) needs a catalog productId not " +
                         "already in the shot and box {left, top, width, height} in fractions of the picture. Reviews carry over " +
                         "to later versions of the document.");

        app.MapGet("/videos/{id:guid}/reviews", async (Guid id, IReviewStore reviews, CancellationToken ct) =>
                await reviews.ListAsync(id, ct))
            .WithName("ListReviews")
            .WithSummary("Every review of the video, oldest first.");
        return app;
    }

    static async Task<IResult?> AdditionProblemAsync(ReviewRequest request, ReviewedSegment segment, IProductCatalog catalog, CancellationToken ct)
    {
        if (request.Box is not { } box)
            return ApiProblems.BadRequest("add needs box {left, top, width, height} in fractions of the picture.");
        double[] sides = [box.Left, box.Top, box.Width, box.Height];
        if (sides.Any(v => !double.IsFinite(v) || v < 0 || v > 1))
            return ApiProblems.BadRequest("box left, top, width and height must each be a fraction from 0 to 1.");
        if (box.Width <= 0 || box.Height <= 0)
            return ApiProblems.BadRequest("box must not be empty (width and height above 0).");
        if (box.Left + box.Width > 1 + 1e-9 || box.Top + box.Height > 1 + 1e-9)
            return ApiProblems.BadRequest("box must lie inside the picture (left + width and top + height at most 1).");
        if (segment.Products.Any(p => p.ProductId == request.ProductId))
            return ApiProblems.Unprocessable($"Product '{request.ProductId}' is already in shot {segment.Index}.");
        if (await catalog.FindAsync(request.ProductId, ct) is null)
            return ApiProblems.Unprocessable($"No catalog product '{request.ProductId}'.");
        return null;
    }

    /// <summary>The product as the reviewer sees it now (for add: as drawn, at the shot's middle, its kind from
    /// its catalog category), kept so the review can put it back in a later version.</summary>
    static async Task<ReviewedItem?> ItemAsync(ReviewRequest request, ReviewedSegment segment, IProductCatalog catalog, CancellationToken ct)
    {
        if (request.Action == ReviewActions.Add)
        {
            var product = (await catalog.FindAsync(request.ProductId, ct))!.Product;
            return new ReviewedItem(request.Box!, (segment.StartSeconds + segment.EndSeconds) / 2,
                ShotVote.KindName(CategoryKinds.For(product.Category)), 1);
        }
        return segment.Products.FirstOrDefault(p => p.ProductId == request.ProductId) is { } shown
            ? new ReviewedItem(shown.Box, shown.Seconds, shown.Kind, shown.Score)
            : null;
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
