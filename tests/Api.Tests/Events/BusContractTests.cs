using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Events;

/// <summary>Another service subscribes to completions the MassTransit way: a consumer of
/// <see cref="VideoProcessingCompleted"/> on a receive endpoint of its own.</summary>
public class BusContractTests
{
    sealed class AnotherServiceConsumer : IConsumer<VideoProcessingCompleted>
    {
        public TaskCompletionSource<VideoProcessingCompleted> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Consume(ConsumeContext<VideoProcessingCompleted> context)
        {
            Received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_consumer_in_another_service_receives_VideoProcessingCompleted_for_a_processed_video()
    {
        await using var factory = new ApiFactory();
        var http = factory.CreateClient();
        var consumer = new AnotherServiceConsumer();
        var handle = factory.Services.GetRequiredService<IReceiveEndpointConnector>()
            .ConnectReceiveEndpoint("another-service-video-completed", (_, endpoint) => endpoint.Instance(consumer));
        await handle.Ready;

        EventTestSupport.DropSmallVideo(factory, "for-another-service.mp4");

        var video = await EventTestSupport.WaitForVideoAsync(http, "for-another-service.mp4");
        var received = await consumer.Received.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(video.Id, received.VideoId);
        Assert.Equal("for-another-service.mp4", received.Video.Key);
        Assert.Equal(video.DocumentKey, received.DocumentKey);
        Assert.Equal(video.SegmentCount, received.SegmentCount);
    }

    [Fact]
    public async Task The_bus_reports_no_usage_telemetry_to_its_makers()
    {
        // MassTransit 8.4+ sends usage data to an outside host unless told not to; a user's deployment must
        // call nobody it was not asked to.
        await using var factory = new ApiFactory();

        var telemetry = factory.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value;

        Assert.False(telemetry.Enabled);
        Assert.True(new UsageTelemetryOptions().Enabled, "the default this guards against");
    }
}
