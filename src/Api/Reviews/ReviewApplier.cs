using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Replays reviews, oldest first, over the machine's document. A review names the product as
/// the document shows it at that moment, so a replaced product is reviewed under its new id. A product a
/// reviewer approved or chose is exact, with full confidence: a person has looked.</summary>
public static class ReviewApplier
{
    public static ReviewedDocument Apply(ShoppableDocument original, IReadOnlyList<ShotReview> reviews)
    {
        var bySegment = reviews.ToLookup(r => r.SegmentIndex);
        return new ReviewedDocument(
            ReviewedDocument.ReviewedSchemaVersion, original.VideoId, original.Video, original.Analysis,
            original.Segments.Select(segment => new ReviewedSegment(
                    segment.Index, segment.StartFrame, segment.EndFrame, segment.StartSeconds, segment.EndSeconds, segment.Frames,
                    ApplyToShot(segment.Products.Select(p => new ReviewedProduct(p.ProductId, p.Score, p.Box, p.Seconds, p.Kind, p.Match, p.Confidence)).ToList(),
                        bySegment[segment.Index])))
                .ToList());
    }

    static IReadOnlyList<ReviewedProduct> ApplyToShot(List<ReviewedProduct> products, IEnumerable<ShotReview> reviews)
    {
        foreach (var review in reviews.OrderBy(r => r.Id))
        {
            var at = products.FindIndex(p => p.ProductId == review.ProductId);
            if (at < 0)
                continue; // validated on the way in; a product the document no longer shows has nothing to change
            var product = products[at];
            switch (review.Action)
            {
                case ReviewActions.Approve:
                    products[at] = product with
                    {
                        Match = ProductMatches.Exact, Confidence = 1,
                        Review = Decision("approved", review, product.Review?.OriginalProductId),
                    };
                    break;
                case ReviewActions.Reject:
                    products.RemoveAt(at);
                    break;
                case ReviewActions.Replace:
                    products[at] = product with
                    {
                        ProductId = review.ReplacementProductId!,
                        Match = ProductMatches.Exact, Confidence = 1,
                        Review = Decision("replaced", review, product.Review?.OriginalProductId ?? product.ProductId),
                    };
                    break;
            }
        }
        return products;
    }

    static ProductReview Decision(string status, ShotReview review, string? originalProductId) =>
        new(status, review.Reviewer, review.At, originalProductId, review.Note);
}
