using MassTransit;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

public sealed class ProbeVideoConsumer(IVideoProber prober) : IConsumer<ProbeVideo>
{
    public async Task Consume(ConsumeContext<ProbeVideo> context)
    {
        var message = context.Message;
        VideoProbe probe;
        try
        {
            probe = await prober.ProbeAsync(message.Video.Bucket, message.Video.Key, context.CancellationToken);
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new VideoStepFailed(message.VideoId, VideoStepNames.Probe, reason));
            return;
        }
        await context.Publish(new VideoProbed(message.VideoId, probe));
    }
}
