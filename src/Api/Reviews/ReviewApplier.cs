using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Replays reviews, oldest first, over one version of the machine's document. A review names the
/// product as the document showed it at that moment, so a replaced product is reviewed under its new id. A
/// product a reviewer approved, chose or added is exact, with full confidence: a person has looked. Reviews
/// are per (shot, product) and shots never change between versions, so they apply to every version; a product
/// a reviewer approved, chose or drew that a later version's machine no longer lists in that shot is put back
/// from the review's item (its box, time and kind), and a rejected one stays out.</summary>
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
                .ToList(),
            original.VersionNumber, original.CreatedAt, original.Reason);
    }

    static IReadOnlyList<ReviewedProduct> ApplyToShot(List<ReviewedProduct> products, IEnumerable<ShotReview> reviews)
    {
        foreach (var review in reviews.OrderBy(r => r.Id))
        {
            var at = products.FindIndex(p => p.ProductId == review.ProductId);
            switch (review.Action)
            {
                case ReviewActions.Approve:
                    if (at < 0 && (at = PutBack(products, review.ProductId, review.Item)) < 0)
                        continue; // an old review without its item, of a product this version no longer shows
                    products[at] = products[at] with
                    {
                        Match = ProductMatches.Exact, Confidence = 1,
                        Review = Decision("approved", review, products[at].Review?.OriginalProductId),
                    };
                    break;
                case ReviewActions.Reject:
                    if (at >= 0)
                        products.RemoveAt(at);
                    break;
                case ReviewActions.Replace:
                    var replacement = review.ReplacementProductId!;
                    // This version's machine may no longer list the original: then the chosen product itself, if
                    // it lists that, takes the decision, else it is put back where the reviewer chose it.
                    if (at < 0 && (at = products.FindIndex(p => p.ProductId == replacement)) < 0
                        && (at = PutBack(products, replacement, review.Item)) < 0)
                        continue;
                    products[at] = products[at] with
                    {
                        ProductId = replacement,
                        Match = ProductMatches.Exact, Confidence = 1,
                        Review = Decision("replaced", review, products[at].Review?.OriginalProductId ?? review.ProductId),
                    };
                    RemoveOthers(products, at);
                    break;
                case ReviewActions.Add:
                    if (review.Item is not { } drawn)
                        continue;
                    // The reviewer's box stands, even where a later version's machine found the product itself.
                    var added = FromItem(review.ProductId, drawn) with { Review = Decision("added", review, null) };
                    if (at >= 0)
                        products[at] = added;
                    else
                        products.Add(added);
                    break;
            }
        }
        return products;
    }

    /// <summary>The index of the product put back from its review's item, or -1 when the review kept none.</summary>
    static int PutBack(List<ReviewedProduct> products, string productId, ReviewedItem? item)
    {
        if (item is null)
            return -1;
        products.Add(FromItem(productId, item));
        return products.Count - 1;
    }

    static ReviewedProduct FromItem(string productId, ReviewedItem item) =>
        new(productId, item.Score, item.Box, item.Seconds, item.Kind, ProductMatches.Exact, 1);

    static void RemoveOthers(List<ReviewedProduct> products, int keep)
    {
        for (var i = products.Count - 1; i >= 0; i--)
            if (i != keep && products[i].ProductId == products[keep].ProductId)
                products.RemoveAt(i);
    }

    static ProductReview Decision(string status, ShotReview review, string? originalProductId) =>
        new(status, review.Reviewer, review.At, originalProductId, review.Note);
}
