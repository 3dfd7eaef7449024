using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Rabbit;

public sealed class VideoOutcomeConsumer(VideoOutcomes outcomes) :
    IConsumer<VideoProcessingCompleted>,
    IConsumer<VideoProcessingFailed>
{
    public Task Consume(ConsumeContext<VideoProcessingCompleted> context)
    {
        outcomes.Add(context.Message);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<VideoProcessingFailed> context)
    {
        outcomes.Add(context.Message);
        return Task.CompletedTask;
    }
}
