namespace ShoppableVideo.Api.Reviews;

/// <summary>One reviewer decision about one product in one shot. Reviews are appended, never edited:
/// the list of them is the history, and the latest one for a product is what the document serves.</summary>
public record ShotReview(
    long Id,
    Guid VideoId,
    int SegmentIndex,
    string Action,
    string ProductId,
    string? ReplacementProductId,
    string Reviewer,
    string? Note,
    DateTimeOffset At);

public static class ReviewActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>The machine found the wrong product: serve <c>replacementProductId</c> in its place,
    /// with the machine's box and time.</summary>
    public const string Replace = "replace";

    public static readonly IReadOnlyList<string> All = [Approve, Reject, Replace];
}

/// <summary>What a reviewer posts.</summary>
public record ReviewRequest(string Action, string ProductId, string? ReplacementProductId = null, string? Note = null);
