using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Events;

public class WebhookDeliveryTests
{
    [Fact]
    public async Task A_subscribed_receiver_gets_exactly_one_signed_video_completed_for_a_processed_video()
    {
        await using var factory = new ApiFactory(settings: EventTestSupport.FastLoopbackWebhooks());
        var writer = factory.CreateClient(ApiFactory.WriteKey);
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await EventTestSupport.SubscribeAsync(writer, receiver.Url);

        EventTestSupport.DropSmallVideo(factory, "hooked.mp4");
        var video = await EventTestSupport.WaitForVideoAsync(writer, "hooked.mp4");
        Assert.Equal("Completed", video.Status.State);
        await EventTestSupport.WaitForDeliveryAsync(writer, subscription.Id, d => d.State == WebhookDeliveryState.Delivered);

        var delivery = Assert.Single(receiver.Deliveries);
        Assert.Equal(CompletionEventTypes.VideoCompleted, delivery.Event);
        var body = EventTestSupport.Json(delivery.Body);
        Assert.Equal("video.completed", body.GetProperty("type").GetString());
        Assert.Equal(video.Id, body.GetProperty("videoId").GetGuid());
        Assert.Equal("hooked.mp4", body.GetProperty("key").GetString());
        Assert.Equal($"/videos/{video.Id:N}/shoppable", body.GetProperty("documentUrl").GetString());
        Assert.Equal(video.SegmentCount, body.GetProperty("segmentCount").GetInt32());

        var now = DateTimeOffset.UtcNow;
        Assert.True(WebhookSignature.Verify(subscription.Secret, delivery.Timestamp, delivery.Body, delivery.Signature, now));
        Assert.False(WebhookSignature.Verify(subscription.Secret, delivery.Timestamp, delivery.Body.Replace("hooked", "hacked"), delivery.Signature, now));
        Assert.False(WebhookSignature.Verify("whsec_someone-else", delivery.Timestamp, delivery.Body, delivery.Signature, now));
    }

    [Fact]
    public async Task A_receiver_failing_twice_gets_the_event_on_the_third_attempt_and_the_log_shows_each_attempt()
    {
        await using var factory = new ApiFactory(settings: EventTestSupport.FastLoopbackWebhooks());
        var writer = factory.CreateClient(ApiFactory.WriteKey);
        await using var receiver = await WebhookReceiver.StartAsync(answer: n => n <= 2 ? 500 : 200);
        var subscription = await EventTestSupport.SubscribeAsync(writer, receiver.Url);

        // Published as the video saga would publish it; this test is about retries, not processing.
        var videoId = Guid.NewGuid();
        await factory.Services.GetRequiredService<IBus>().Publish(
            new VideoProcessingCompleted(videoId, new StoredObject("videos", "retried.mp4", 1, "hash"), $"videos/{videoId:N}/shoppable.json", 2));

        var delivery = await EventTestSupport.WaitForDeliveryAsync(writer, subscription.Id, d => d.State != WebhookDeliveryState.Pending);
        Assert.Equal(WebhookDeliveryState.Delivered, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.Equal([500, 500, 200], delivery.AttemptLog.Select(a => a.StatusCode));
        Assert.All(delivery.AttemptLog.Take(2), a => Assert.Contains("500", a.Error));
        Assert.Equal([500, 500, 200], receiver.Deliveries.Select(d => d.AnsweredWith));
        // Every attempt is the same delivery of the same event, freshly signed.
        Assert.Single(receiver.Deliveries.Select(d => d.DeliveryId).Distinct());
        Assert.All(receiver.Deliveries, d =>
            Assert.True(WebhookSignature.Verify(subscription.Secret, d.Timestamp, d.Body, d.Signature, DateTimeOffset.UtcNow)));
    }

    [Fact]
    public async Task A_receiver_that_keeps_failing_is_given_up_after_the_configured_attempts()
    {
        var settings = EventTestSupport.FastLoopbackWebhooks();
        settings[$"{WebhookOptions.Section}:MaxAttempts"] = "3";
        await using var factory = new ApiFactory(settings: settings);
        var writer = factory.CreateClient(ApiFactory.WriteKey);
        await using var receiver = await WebhookReceiver.StartAsync(answer: _ => 503);
        var subscription = await EventTestSupport.SubscribeAsync(writer, receiver.Url);

        var videoId = Guid.NewGuid();
        await factory.Services.GetRequiredService<IBus>().Publish(
            new VideoProcessingFailed(videoId, new StoredObject("videos", "broken.mp4", 1, "hash"), "Probe", "not a video"));

        var delivery = await EventTestSupport.WaitForDeliveryAsync(writer, subscription.Id, d => d.State != WebhookDeliveryState.Pending);
        Assert.Equal(WebhookDeliveryState.Failed, delivery.State);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(503, delivery.LastStatusCode);
        Assert.Equal(3, receiver.DeliveryRequests);
        Assert.Equal(CompletionEventTypes.VideoFailed, delivery.EventType);
    }

    [Fact]
    public async Task Slow_and_dead_subscribers_delay_neither_processing_nor_a_good_subscriber()
    {
        // A request timeout far beyond the test's span: the slow receiver is still sleeping when we look.
        await using var factory = new ApiFactory(settings: EventTestSupport.FastLoopbackWebhooks(requestTimeout: "00:02:00"));
        var writer = factory.CreateClient(ApiFactory.WriteKey);
        await using var slow = await WebhookReceiver.StartAsync(delay: TimeSpan.FromSeconds(30));
        await using var dead = await WebhookReceiver.StartAsync();
        await using var good = await WebhookReceiver.StartAsync();
        var slowSubscription = await EventTestSupport.SubscribeAsync(writer, slow.Url);
        var deadSubscription = await EventTestSupport.SubscribeAsync(writer, dead.Url);
        await dead.StopAsync(); // subscribed while alive, now its port refuses connections
        var goodSubscription = await EventTestSupport.SubscribeAsync(writer, good.Url);

        EventTestSupport.DropSmallVideo(factory, "crowded.mp4");
        var video = await EventTestSupport.WaitForVideoAsync(writer, "crowded.mp4");
        Assert.Equal("Completed", video.Status.State);

        await EventTestSupport.WaitForDeliveryAsync(writer, goodSubscription.Id, d => d.State == WebhookDeliveryState.Delivered);
        var received = Assert.Single(good.Deliveries);
        Assert.Equal(video.Id, EventTestSupport.Json(received.Body).GetProperty("videoId").GetGuid());

        // The dead one has been tried and is waiting to retry; the slow one holds its request open and
        // has not answered: neither stood in the good one's way.
        var deadDelivery = await EventTestSupport.WaitForDeliveryAsync(writer, deadSubscription.Id, d => d.Attempts >= 1);
        Assert.Equal(WebhookDeliveryState.Pending, deadDelivery.State);
        Assert.Null(deadDelivery.LastStatusCode);
        Assert.Contains("refused", deadDelivery.LastError, StringComparison.OrdinalIgnoreCase);
        await Poll.UntilAsync(_ => Task.FromResult(slow.DeliveryRequests > 0 ? "arrived" : null), TimeSpan.FromMinutes(1));
        Assert.Equal(0, slow.FinishedDeliveries);
        var slowDelivery = Assert.Single(await writer.GetFromJsonAsync<List<WebhookDelivery>>($"/webhooks/{slowSubscription.Id:N}/deliveries") ?? []);
        Assert.Equal(WebhookDeliveryState.Pending, slowDelivery.State);
        Assert.Equal(0, slowDelivery.Attempts);
    }
}
