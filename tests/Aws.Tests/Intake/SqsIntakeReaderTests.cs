using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Intake;

/// <summary>The intake reader against a real SQS/SNS (fauxqs) and a MassTransit harness bus.</summary>
public class SqsIntakeReaderTests
{
    const string VideoBucket = "shoppable-videos-123";
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    static async Task<SqsIntakeReader> StartReaderAsync(AwsMessagingBench bench, string queueUrl, int visibilityTimeoutSeconds = 2,
        TimeSpan? heartbeat = null)
    {
        var options = new SqsIntakeOptions
        {
            QueueUrl = queueUrl,
            WaitTimeSeconds = 1,
            VisibilityTimeoutSeconds = visibilityTimeoutSeconds,
            HeartbeatInterval = heartbeat ?? TimeSpan.FromMilliseconds(400),
        };
        options.Buckets[VideoBucket] = Buckets.Videos;
        var reader = new SqsIntakeReader(bench.Sqs, bench.Harness.Bus, options,
            bench.Provider.GetRequiredService<ILogger<SqsIntakeReader>>());
        await reader.StartAsync(default);
        return reader;
    }

    static async Task<List<VideoObjectCreated>> PublishedVideosAsync(AwsMessagingBench bench, int count) =>
        await Poll.UntilAsync(async _ =>
        {
            var published = bench.Harness.Published.Select<VideoObjectCreated>().Select(m => m.Context.Message).ToList();
            return published.Count >= count ? published : null;
        }, Deadline);

    static Task WaitUntilEmptyAsync(AwsMessagingBench bench, string queueUrl) =>
        Poll.UntilAsync(async _ => await bench.MessagesOnQueueAsync(queueUrl) == 0 ? "" : null, Deadline);

    [Fact]
    public async Task An_S3_event_delivered_through_SNS_is_published_as_VideoObjectCreated_with_its_decoded_key_and_then_deleted()
    {
        await using var bench = await AwsMessagingBench.StartAsync();
        var (queue, _) = await bench.CreateQueueWithDeadLetterQueueAsync("intake", maxReceiveCount: 2, visibilityTimeoutSeconds: 2);
        var topic = await bench.Sns.CreateTopicAsync("s3-events");
        await bench.Sns.SubscribeQueueAsync(topic, await bench.QueueArnAsync(queue));
        var reader = await StartReaderAsync(bench, queue);

        await bench.Sns.PublishAsync(topic, S3Events.ObjectCreated(VideoBucket, "summer+sale/look%2B1.mp4", 1234, "\"9b2cf535f27731c974343645a3985328\""),
            subject: "Amazon S3 Notification");

        var video = Assert.Single(await PublishedVideosAsync(bench, 1)).Video;
        Assert.Equal(new StoredObject(Buckets.Videos, "summer sale/look+1.mp4", 1234, "s3-etag:9b2cf535f27731c974343645a3985328"), video);
        await WaitUntilEmptyAsync(bench, queue);
        await reader.StopAsync(default);
    }

    [Fact]
    public async Task A_raw_S3_event_sent_straight_to_the_queue_is_published_too_and_the_same_object_twice_names_the_same_saga()
    {
        await using var bench = await AwsMessagingBench.StartAsync();
        var (queue, _) = await bench.CreateQueueWithDeadLetterQueueAsync("intake", maxReceiveCount: 2, visibilityTimeoutSeconds: 2);
        var reader = await StartReaderAsync(bench, queue);
        var event1 = S3Events.ObjectCreated(VideoBucket, "runway%2Fshow.mp4", 99, "\"abc\"");

        await bench.Sqs.SendMessageAsync(queue, event1);
        await bench.Sqs.SendMessageAsync(queue, event1);
        await bench.Sqs.SendMessageAsync(queue, S3Events.ObjectCreated(VideoBucket, "runway%2Fshow.mp4", 99, "\"def\""));

        var published = await PublishedVideosAsync(bench, 3);
        Assert.All(published, p => Assert.Equal("runway/show.mp4", p.Video.Key));
        var ids = published.GroupBy(p => p.Video.ContentHash).ToDictionary(g => g.Key, g => g.Select(p => p.VideoId).ToList());
        Assert.Equal(2, ids["s3-etag:abc"].Count);
        Assert.Equal(ids["s3-etag:abc"][0], ids["s3-etag:abc"][1]);
        Assert.NotEqual(ids["s3-etag:abc"][0], Assert.Single(ids["s3-etag:def"]));
        await WaitUntilEmptyAsync(bench, queue);
        await reader.StopAsync(default);
    }

    [Fact]
    public async Task A_test_event_and_a_record_of_an_unmapped_bucket_are_deleted_without_publishing()
    {
        await using var bench = await AwsMessagingBench.StartAsync();
        var (queue, dlq) = await bench.CreateQueueWithDeadLetterQueueAsync("intake", maxReceiveCount: 2, visibilityTimeoutSeconds: 1);
        var reader = await StartReaderAsync(bench, queue, visibilityTimeoutSeconds: 1);

        await bench.Sqs.SendMessageAsync(queue,
            """{"Service":"Amazon S3","Event":"s3:TestEvent","Time":"2025-01-01T12:00:00.000Z","Bucket":"shoppable-videos-123","RequestId":"1","HostId":"2"}""");
        await bench.Sqs.SendMessageAsync(queue, S3Events.ObjectCreated("someone-elses-bucket", "a.mp4", 1, "\"e\""));

        await WaitUntilEmptyAsync(bench, queue);
        Assert.Equal(0, await bench.MessagesOnQueueAsync(dlq));
        Assert.Empty(bench.Harness.Published.Select<VideoObjectCreated>());
        await reader.StopAsync(default);
    }

    [Fact]
    public async Task While_a_publish_is_slow_the_message_stays_hidden_past_its_visibility_timeout_and_is_published_once()
    {
        var gate = new GatedPublishObserver();
        await using var bench = await AwsMessagingBench.StartAsync();
        bench.Harness.Bus.ConnectPublishObserver(gate);
        // A heartbeat every 0.5 s against a 3 s visibility: a loaded machine may stall the heartbeat for up to
        // 2.5 s before the message shows again (with 0.3 s against 1 s, a stall of 0.7 s once did: published twice).
        var (queue, _) = await bench.CreateQueueWithDeadLetterQueueAsync("intake", maxReceiveCount: 5, visibilityTimeoutSeconds: 3);
        var reader = await StartReaderAsync(bench, queue, visibilityTimeoutSeconds: 3, heartbeat: TimeSpan.FromMilliseconds(500));

        await bench.Sqs.SendMessageAsync(queue, S3Events.ObjectCreated(VideoBucket, "slow.mp4", 5, "\"s\""));
        await gate.Entered.Task.WaitAsync(Deadline);

        // Four long polls of a second each: without the heartbeat the three-second visibility would have
        // run out during them and the message would be received here or by the reader again.
        for (var poll = 0; poll < 4; poll++)
            Assert.Empty(await bench.Sqs.ReceiveAsync(queue, 10, waitTimeSeconds: 1));
        Assert.Equal(1, gate.Attempts);

        gate.Open();
        await WaitUntilEmptyAsync(bench, queue);
        Assert.Single(await PublishedVideosAsync(bench, 1));
        Assert.Equal(1, gate.Attempts);
        await reader.StopAsync(default);
    }

    [Fact]
    public async Task A_poison_message_is_never_deleted_by_the_reader_and_lands_in_the_dead_letter_queue_after_two_receives()
    {
        await using var bench = await AwsMessagingBench.StartAsync();
        var (queue, dlq) = await bench.CreateQueueWithDeadLetterQueueAsync("intake", maxReceiveCount: 2, visibilityTimeoutSeconds: 1);
        var reader = await StartReaderAsync(bench, queue, visibilityTimeoutSeconds: 1);

        await bench.Sqs.SendMessageAsync(queue, "this is not an S3 event {");

        await Poll.UntilAsync(async _ => await bench.MessagesOnQueueAsync(dlq) == 1 ? "" : null, Deadline);
        await reader.StopAsync(default);
        var dead = Assert.Single(await bench.Sqs.ReceiveAsync(dlq, 10, waitTimeSeconds: 1));
        Assert.Equal("this is not an S3 event {", dead.Body);
        // Received twice on the intake queue and once here; the count travels with the message (fauxqs also
        // counts the receive that moved it, so it may read one more).
        Assert.True(dead.ApproximateReceiveCount() >= 3, $"received {dead.ApproximateReceiveCount()} times");
        Assert.Equal(0, await bench.MessagesOnQueueAsync(queue));
        Assert.Empty(bench.Harness.Published.Select<VideoObjectCreated>());
    }

    /// <summary>Holds every VideoObjectCreated publish until opened, counting attempts.</summary>
    sealed class GatedPublishObserver : IPublishObserver
    {
        readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        int attempts;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts => Volatile.Read(ref attempts);

        public void Open() => open.TrySetResult();

        public async Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            if (context.Message is not VideoObjectCreated)
                return;
            Interlocked.Increment(ref attempts);
            Entered.TrySetResult();
            await open.Task;
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
