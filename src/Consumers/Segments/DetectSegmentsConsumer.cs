using MassTransit;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

public sealed class DetectSegmentsConsumer(IObjectStore store, SegmentBuilder builder) : IConsumer<DetectSegments>
{
    public async Task Consume(ConsumeContext<DetectSegments> context)
    {
        var message = context.Message;
        IReadOnlyList<Segment> segments;
        try
        {
            var signals = await FrameSignalsFormat.LoadAsync(store, message.FrameSignalsKey, context.CancellationToken);
            // A remote shot detector (Rekognition) may run longer than the step timeout; each poll that finds it
            // still running tells the saga the step is alive. At 0 %: there is no percentage to tell.
            segments = await builder.BuildAsync(message.VideoId, message.Video, signals,
                () => context.Publish(new VideoStepProgressed(message.VideoId, VideoStepNames.DetectSegments, 0)),
                context.CancellationToken);
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new VideoStepFailed(message.VideoId, VideoStepNames.DetectSegments, reason));
            return;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            await context.Publish(new VideoStepFailed(message.VideoId, VideoStepNames.DetectSegments, $"the frame signals are unreadable: {e.Message}"));
            return;
        }
        await context.Publish(new SegmentsDetected(message.VideoId, segments));
    }
}
