using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>Finds the products in the video's representative frames, and keeps what the models saw
/// (<see cref="VideoDescriptorsFormat"/>) so a catalog change can re-match the video without them. The
/// descriptors are written before the result is published: a video that completes always has them.</summary>
public sealed class AnalyzeFramesConsumer(IFrameAnalyzer analyzer, IObjectStore store) : IConsumer<AnalyzeFrames>
{
    public async Task Consume(ConsumeContext<AnalyzeFrames> context)
    {
        var analysis = await analyzer.AnalyzeAsync(context.Message.VideoId, context.Message.Segments, context.CancellationToken);
        if (analysis.Descriptors is { } descriptors)
            await VideoDescriptorsFormat.StoreAsync(store, context.Message.VideoId, descriptors, context.CancellationToken);
        await context.Publish(new FramesAnalyzed(context.Message.VideoId, analysis.Analysis, analysis.Matches));
    }
}
