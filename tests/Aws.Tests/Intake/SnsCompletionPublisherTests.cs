using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Notifications;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Intake;

/// <summary>Completion and failure events reach the users' SNS topic, and through it a subscribed queue.</summary>
public class SnsCompletionPublisherTests
{
    [Fact]
    public async Task A_queue_subscribed_to_the_completion_topic_receives_the_completion_event_as_json_with_its_type()
    {
        var topic = new SnsCompletionOptions();
        await using var bench = await AwsMessagingBench.StartAsync(
            x => x.AddConsumer<SnsCompletionPublisher>(),
            services => services
                .AddSingleton(topic)
                .AddSingleton(p => new SnsClient(p.GetRequiredService<IAwsHttpClient>(), p.GetRequiredService<AwsClientOptions>().Service("sns"))));
        topic.TopicArn = await bench.Sns.CreateTopicAsync("video-events");
        var queue = await bench.Sqs.NewQueueAsync("subscriber");
        await bench.Sns.SubscribeQueueAsync(topic.TopicArn, await bench.QueueArnAsync(queue));
        var videoId = Guid.NewGuid();

        await bench.Harness.Bus.Publish(new VideoProcessingCompleted(videoId,
            new StoredObject(Buckets.Videos, "show.mp4", 10, "s3-etag:x"), "metadata/show.json", 4));

        var received = await Poll.UntilAsync(async ct => (await bench.Sqs.ReceiveAsync(queue, 10, 1, cancellationToken: ct)).FirstOrDefault(),
            TimeSpan.FromSeconds(30));
        var envelope = JsonNode.Parse(received.Body)!;
        Assert.Equal("Notification", (string?)envelope["Type"]);
        Assert.Equal("VideoProcessingCompleted", (string?)envelope["MessageAttributes"]?["eventType"]?["Value"]);
        var message = JsonNode.Parse((string)envelope["Message"]!)!;
        Assert.Equal("VideoProcessingCompleted", (string?)message["eventType"]);
        Assert.Equal(videoId, Guid.Parse((string)message["id"]!));
        Assert.Equal("metadata/show.json", (string?)message["event"]?["documentKey"]);
        Assert.Equal(4, (int?)message["event"]?["segmentCount"]);
    }

    [Fact]
    public async Task A_failure_event_is_published_with_its_step_and_reason()
    {
        var topic = new SnsCompletionOptions();
        await using var bench = await AwsMessagingBench.StartAsync(
            x => x.AddConsumer<SnsCompletionPublisher>(),
            services => services
                .AddSingleton(topic)
                .AddSingleton(p => new SnsClient(p.GetRequiredService<IAwsHttpClient>(), p.GetRequiredService<AwsClientOptions>().Service("sns"))));
        topic.TopicArn = await bench.Sns.CreateTopicAsync("video-events");
        var queue = await bench.Sqs.NewQueueAsync("subscriber");
        await bench.Sns.SubscribeQueueAsync(topic.TopicArn, await bench.QueueArnAsync(queue), rawMessageDelivery: true);

        await bench.Harness.Bus.Publish(new VideoProcessingFailed(Guid.NewGuid(),
            new StoredObject(Buckets.Videos, "broken.mp4", 10, "s3-etag:y"), "probe", "not a video"));

        var received = await Poll.UntilAsync(async ct => (await bench.Sqs.ReceiveAsync(queue, 10, 1, cancellationToken: ct)).FirstOrDefault(),
            TimeSpan.FromSeconds(30));
        var message = JsonNode.Parse(received.Body)!;
        Assert.Equal("VideoProcessingFailed", (string?)message["eventType"]);
        Assert.Equal("probe", (string?)message["event"]?["step"]);
        Assert.Equal("not a video", (string?)message["event"]?["reason"]);
    }
}
