using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.Video;

/// <summary>Stands in for the real media consumers so the saga's own behaviour (ordering, failures,
/// timeouts, retries, duplicates) can be driven step by step. The real consumers are tested on real
/// videos in Consumers.Tests and end to end in Api.Tests.</summary>
public sealed class ScriptedVideoStepConsumer(StepScript script) :
    IConsumer<ProbeVideo>,
    IConsumer<ExtractFrames>,
    IConsumer<DetectSegments>,
    IConsumer<AnalyzeFrames>,
    IConsumer<PublishMetadata>
{
    public static readonly VideoProbe SampleProbe = new(4.0, 25, 1920, 1080, "h264", 0, 100);

    public Task Consume(ConsumeContext<ProbeVideo> context) =>
        Run(context, VideoStepNames.Probe, context.Message.VideoId, new VideoProbed(context.Message.VideoId, SampleProbe));

    public Task Consume(ConsumeContext<ExtractFrames> context) =>
        Run(context, VideoStepNames.ExtractFrames, context.Message.VideoId,
            new FramesExtracted(context.Message.VideoId, 100, "signals", 8));

    public Task Consume(ConsumeContext<DetectSegments> context) =>
        Run(context, VideoStepNames.DetectSegments, context.Message.VideoId,
            new SegmentsDetected(context.Message.VideoId, [new Segment(0, 0, 99, 0, 4, [])]));

    public Task Consume(ConsumeContext<AnalyzeFrames> context) =>
        Run(context, VideoStepNames.AnalyzeFrames, context.Message.VideoId,
            new FramesAnalyzed(context.Message.VideoId, "not-configured", []));

    public Task Consume(ConsumeContext<PublishMetadata> context) =>
        Run(context, VideoStepNames.PublishMetadata, context.Message.VideoId,
            new MetadataPublished(context.Message.VideoId, $"videos/{context.Message.VideoId:N}/shoppable.json"));

    async Task Run<T>(ConsumeContext context, string step, Guid videoId, T result) where T : class
    {
        switch (script.Next(step))
        {
            case StepBehaviour.Succeed:
                await context.Publish(result);
                break;
            case StepBehaviour.RejectInput:
                await context.Publish(new VideoStepFailed(videoId, step, $"{step} refused the input"));
                break;
            case StepBehaviour.Throw:
                throw new InvalidOperationException($"{step} crashed");
        }
    }
}
