using System.Security.Cryptography;
using System.Text;
using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Rematch;

/// <summary>
/// When a catalog batch finishes having ingested or removed products, asks every completed video to be
/// re-matched (one <see cref="VideoRematchStateMachine"/> saga each). The rule is the simple one: every
/// completed video, since any shot may now meet a new product or lose a removed one; a video without stored
/// descriptors completes its re-match at once and says why. Idempotent: each saga's id is derived from the
/// batch and the video, so a redelivered completion names sagas that already exist, and a crash part way
/// through the fan-out is finished by the redelivery.
/// </summary>
public sealed class CatalogChangeRematchConsumer(ISagaStateReader<VideoProcessingState> videos) : IConsumer<CatalogIngestionCompleted>
{
    const int Page = 100;

    public async Task Consume(ConsumeContext<CatalogIngestionCompleted> context)
    {
        var batch = context.Message;
        if (batch.Ingested == 0 && batch.Removed.Count == 0)
            return;
        var reason = $"catalog batch {batch.BatchId:N} ({batch.Manifest.Key}: {batch.Ingested} ingested, {batch.Removed.Count} removed)";
        const string completed = nameof(VideoProcessingStateMachine.Completed);
        for (var offset = 0; ; offset += Page)
        {
            var page = await videos.ListAsync(Page, offset, completed, context.CancellationToken);
            foreach (var video in page)
                await context.Publish(new VideoRematchRequested(RematchIdFor(batch.BatchId, video.CorrelationId), video.CorrelationId, reason));
            if (page.Count < Page)
                break;
        }
    }

    /// <summary>One re-match per catalog change and video, however often the change is announced.</summary>
    public static Guid RematchIdFor(Guid changeId, Guid videoId) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"rematch|{changeId:N}|{videoId:N}")).AsSpan(0, 16));
}
