using System.Text.Json.Serialization;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Reviews;

/// <summary>The shoppable document as the API serves it: the machine's document with reviews applied.
/// Schema 2.1 is 2.0 plus an optional <c>review</c> on each product; the machine's own 2.0 document
/// stays untouched in the output bucket and is served with <c>?original=true</c>. Version is the machine
/// document's version the reviews were applied to (1 the first processing's, 2 and up re-matches), with when
/// and why it was written for versions after the first.</summary>
public record ReviewedDocument(
    string SchemaVersion,
    Guid VideoId,
    ShoppableVideoInfo Video,
    string Analysis,
    IReadOnlyList<ReviewedSegment> Segments,
    int Version = 1,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? CreatedAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null)
{
    public const string ReviewedSchemaVersion = "2.1";

    /// <summary>The shot on screen at <paramref name="seconds"/>: a shot owns its start, the next shot
    /// its end, and the last shot its own end too.</summary>
    public ReviewedSegment? SegmentAt(double seconds) =>
        Segments.FirstOrDefault(s => seconds >= s.StartSeconds && seconds < s.EndSeconds)
        ?? Segments.LastOrDefault(s => seconds == s.EndSeconds);
}

public record ReviewedSegment(
    int Index, long StartFrame, long EndFrame, double StartSeconds, double EndSeconds,
    IReadOnlyList<RepresentativeFrame> Frames, IReadOnlyList<ReviewedProduct> Products);

public record ReviewedProduct(
    string ProductId,
    double Score,
    NormalizedBox Box,
    double Seconds,
    string Kind,
    string Match,
    double Confidence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProductReview? Review = null);

/// <param name="Status">approved, replaced or added (rejected products are not served).</param>
/// <param name="OriginalProductId">what the machine had found, for a replaced product.</param>
public record ProductReview(string Status, string Reviewer, DateTimeOffset At, string? OriginalProductId, string? Note);
