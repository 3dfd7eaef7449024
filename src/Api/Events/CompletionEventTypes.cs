namespace ShoppableVideo.Api.Events;

/// <summary>The <c>type</c> values of <see cref="CompletionEvent"/>; webhook subscriptions filter on them.</summary>
public static class CompletionEventTypes
{
    public const string VideoCompleted = "video.completed";
    public const string VideoFailed = "video.failed";

    /// <summary>A catalog change gave a processed video a new document version.</summary>
    public const string VideoRematched = "video.rematched";
    public const string CatalogCompleted = "catalog.completed";
    public const string CatalogFailed = "catalog.failed";

    public static IReadOnlyList<string> All { get; } = [VideoCompleted, VideoFailed, VideoRematched, CatalogCompleted, CatalogFailed];
}
