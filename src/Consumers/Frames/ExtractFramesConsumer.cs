using MassTransit;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

public sealed class ExtractFramesConsumer(IFrameExtractor extractor) : IConsumer<ExtractFrames>
{
    // Progress goes through the bus into saga state; every 10% is plenty for a status bar.
    const int PercentStep = 10;

    public async Task Consume(ConsumeContext<ExtractFrames> context)
    {
        var message = context.Message;
        var lastStep = 0;
        async Task Report(double fraction)
        {
            var step = (int)(fraction * 100) / PercentStep;
            if (step <= lastStep || step * PercentStep >= 100)
                return;
            lastStep = step;
            await context.Publish(new VideoStepProgressed(message.VideoId, VideoStepNames.ExtractFrames, step * PercentStep));
        }

        FrameExtraction extraction;
        try
        {
            extraction = await extractor.ExtractAsync(message.VideoId, message.Video, message.Probe, Report, context.CancellationToken);
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new VideoStepFailed(message.VideoId, VideoStepNames.ExtractFrames, reason));
            return;
        }
        await context.Publish(new FramesExtracted(message.VideoId, extraction.FramesDecoded, extraction.FrameSignalsKey, extraction.CandidateKeys.Count));
    }
}
