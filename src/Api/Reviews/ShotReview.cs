using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Reviews;

/// <summary>One reviewer decision about one product in one shot. Reviews are appended, never edited:
/// the list of them is the history, and the latest one for a product is what the document serves. Item is
/// the product as the reviewer saw it (box, time, kind; drawn, for <c>add</c>), so an approved, replaced or
/// added product is served where the reviewer left it even in a later document version (a re-match) whose
/// machine no longer lists it in that shot. Null on reviews stored before items were kept.</summary>
public record ShotReview(
    long Id,
    Guid VideoId,
    int SegmentIndex,
    string Action,
    string ProductId,
    string? ReplacementProductId,
    string Reviewer,
    string? Note,
    DateTimeOffset At,
    ReviewedItem? Item = null);

/// <summary>Where a reviewed product is in its shot: Box in fractions of the picture, Seconds the moment it
/// was best seen, Kind the garment (upper, lower, full, bag), Score the machine's vote (1 for a drawn box).</summary>
public record ReviewedItem(NormalizedBox Box, double Seconds, string Kind, double Score);

public static class ReviewActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";

    /// <summary>The machine found the wrong product: serve <c>replacementProductId</c> in its place,
    /// with the machine's box and time.</summary>
    public const string Replace = "replace";

    /// <summary>The machine missed a product: the reviewer draws its <c>box</c> (fractions of the picture) and
    /// it is served as an exact item with confidence 1 and review status <c>added</c>.</summary>
    public const string Add = "add";

    public static readonly IReadOnlyList<string> All = [Approve, Reject, Replace, Add];
}

/// <summary>What a reviewer posts. Box is for <c>add</c> only.</summary>
public record ReviewRequest(string Action, string ProductId, string? ReplacementProductId = null, string? Note = null,
    NormalizedBox? Box = null);
