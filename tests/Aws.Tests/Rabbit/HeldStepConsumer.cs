using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Tests.Video;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>The saga tests' scripted step consumer, with a <see cref="StepHold"/> in front.</summary>
public sealed class HeldStepConsumer(StepScript script, StepHold hold) :
    IConsumer<ProbeVideo>,
    IConsumer<ExtractFrames>,
    IConsumer<DetectSegments>,
    IConsumer<AnalyzeFrames>,
    IConsumer<PublishMetadata>
{
    readonly ScriptedVideoStepConsumer scripted = new(script);

    public async Task Consume(ConsumeContext<ProbeVideo> context)
    {
        await hold.PassAsync(VideoStepNames.Probe);
        await scripted.Consume(context);
    }

    public async Task Consume(ConsumeContext<ExtractFrames> context)
    {
        await hold.PassAsync(VideoStepNames.ExtractFrames);
        await scripted.Consume(context);
    }

    public async Task Consume(ConsumeContext<DetectSegments> context)
    {
        await hold.PassAsync(VideoStepNames.DetectSegments);
        await scripted.Consume(context);
    }

    public async Task Consume(ConsumeContext<AnalyzeFrames> context)
    {
        await hold.PassAsync(VideoStepNames.AnalyzeFrames);
        await scripted.Consume(context);
    }

    public async Task Consume(ConsumeContext<PublishMetadata> context)
    {
        await hold.PassAsync(VideoStepNames.PublishMetadata);
        await scripted.Consume(context);
    }
}
