using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Events;

/// <summary>Turns the bus's lifecycle messages into <see cref="CompletionEvent"/>s.</summary>
public static class CompletionEventMapper
{
    public static CompletionEvent From(VideoProcessingCompleted message, DateTimeOffset at) => new(
        CompletionEventTypes.VideoCompleted, EventId(CompletionEventTypes.VideoCompleted, message.VideoId), at,
        VideoId: message.VideoId, Key: message.Video.Key, DocumentUrl: DocumentUrl(message.VideoId),
        SegmentCount: message.SegmentCount);

    public static CompletionEvent From(VideoProcessingFailed message, DateTimeOffset at) => new(
        CompletionEventTypes.VideoFailed, EventId(CompletionEventTypes.VideoFailed, message.VideoId), at,
        VideoId: message.VideoId, Key: message.Video.Key, Step: message.Step, Reason: message.Reason);

    /// <summary>The id is the re-match's: one announcement per (catalog change, video) that changed the video.</summary>
    public static CompletionEvent From(VideoRematched message, DateTimeOffset at) => new(
        CompletionEventTypes.VideoRematched, EventId(CompletionEventTypes.VideoRematched, message.RematchId), at,
        VideoId: message.VideoId, Key: message.DocumentKey, DocumentUrl: DocumentUrl(message.VideoId),
        Reason: message.Reason, Version: message.Version);

    public static CompletionEvent From(CatalogIngestionCompleted message, DateTimeOffset at) => new(
        CompletionEventTypes.CatalogCompleted, EventId(CompletionEventTypes.CatalogCompleted, message.BatchId), at,
        BatchId: message.BatchId, Key: message.Manifest.Key, Ingested: message.Ingested, Failed: message.Failed);

    public static CompletionEvent From(CatalogIngestionFailed message, DateTimeOffset at) => new(
        CompletionEventTypes.CatalogFailed, EventId(CompletionEventTypes.CatalogFailed, message.BatchId), at,
        BatchId: message.BatchId, Key: message.Manifest.Key, Reason: message.Reason);

    public static string DocumentUrl(Guid videoId) => $"/videos/{videoId:N}/shoppable";

    // Derived, not random: the bus may deliver a message twice (retries, a resumed saga), and the same
    // id lets the outbox and the SSE buffer drop the copy. A saga ends once, so (type, id) is unique.
    static Guid EventId(string type, Guid subject) => NameBasedGuid.From($"{type}|{subject:N}");
}
