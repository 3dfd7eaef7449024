using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Events;

public class WebhookRestartTests
{
    [Fact]
    public async Task A_pending_delivery_is_sent_by_the_next_host_after_a_restart()
    {
        var data = EmbeddedHost.NewDataDirectory();
        var settings = EventTestSupport.FastLoopbackWebhooks();
        settings[ShoppableVideoApp.DataKey] = data.Root;
        settings[$"{WebhookOptions.Section}:MaxAttempts"] = "100";
        var receiverUp = false;
        await using var receiver = await WebhookReceiver.StartAsync(answer: _ => Volatile.Read(ref receiverUp) ? 200 : 503);

        // Its own task: MassTransit keeps its log context in an AsyncLocal, which must not carry the
        // first host's (disposed) logger factory into the second host.
        var subscription = await Task.Run(async () =>
        {
            await using var before = new ApiFactory(settings: settings);
            var writer = before.CreateClient(ApiFactory.WriteKey);
            var subscription = (await EventTestSupport.SubscribeAsync(writer, receiver.Url)).Id;
            var videoId = Guid.NewGuid();
            await before.Services.GetRequiredService<IBus>().Publish(new VideoProcessingCompleted(videoId,
                new StoredObject("videos", "restarted.mp4", 1, "hash"), $"videos/{videoId:N}/shoppable.json", 1));
            var pending = await EventTestSupport.WaitForDeliveryAsync(writer, subscription, d => d.Attempts >= 1);
            Assert.Equal(WebhookDeliveryState.Pending, pending.State);
            return subscription;
        });

        Volatile.Write(ref receiverUp, true);
        await using var after = new ApiFactory(settings: settings);
        var delivered = await EventTestSupport.WaitForDeliveryAsync(after.CreateClient(ApiFactory.WriteKey), subscription,
            d => d.State == WebhookDeliveryState.Delivered);

        Assert.True(delivered.Attempts >= 2);
        Assert.Equal(200, delivered.AttemptLog[^1].StatusCode);
        Assert.Equal(200, receiver.Deliveries.Last().AnsweredWith);
        try { Directory.Delete(data.Root, recursive: true); } catch (IOException) { }
    }
}
