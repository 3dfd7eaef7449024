using System.Text.Json;
using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Artifacts;

/// <summary>Records what each video step wrote (frame signals, representative frames, segments, the
/// shoppable document) in the artifact index, from the steps' own result events. Recording is an upsert,
/// so a repeated event records nothing new.</summary>
public sealed class ArtifactIndexingConsumer(IArtifactIndex index) :
    IConsumer<FramesExtracted>,
    IConsumer<SegmentsDetected>,
    IConsumer<MetadataPublished>
{
    public Task Consume(ConsumeContext<FramesExtracted> context) =>
        index.RecordAsync(Owner(context.Message.VideoId), ArtifactKinds.FrameSignals, context.Message.FrameSignalsKey,
            JsonSerializer.Serialize(new { context.Message.FramesDecoded }), context.CancellationToken);

    public async Task Consume(ConsumeContext<SegmentsDetected> context)
    {
        var owner = Owner(context.Message.VideoId);
        foreach (var segment in context.Message.Segments)
        {
            await index.RecordAsync(owner, ArtifactKinds.Segment, $"segment/{segment.Index}",
                JsonSerializer.Serialize(new { segment.StartFrame, segment.EndFrame, segment.StartSeconds, segment.EndSeconds }),
                context.CancellationToken);
            foreach (var frame in segment.Frames)
                await index.RecordAsync(owner, ArtifactKinds.Frame, frame.ArtifactKey,
                    JsonSerializer.Serialize(new { segment.Index, frame.FrameNumber, frame.Seconds }), context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<MetadataPublished> context) =>
        index.RecordAsync(Owner(context.Message.VideoId), ArtifactKinds.Metadata, context.Message.DocumentKey,
            cancellationToken: context.CancellationToken);

    static string Owner(Guid videoId) => videoId.ToString("N");
}
