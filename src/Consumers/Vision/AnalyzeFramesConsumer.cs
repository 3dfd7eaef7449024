using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

public sealed class AnalyzeFramesConsumer(IFrameAnalyzer analyzer) : IConsumer<AnalyzeFrames>
{
    public async Task Consume(ConsumeContext<AnalyzeFrames> context)
    {
        var analysis = await analyzer.AnalyzeAsync(context.Message.VideoId, context.Message.Segments, context.CancellationToken);
        await context.Publish(new FramesAnalyzed(context.Message.VideoId, analysis.Analysis, analysis.Matches));
    }
}
