using System.Net;
using System.Net.Http.Json;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Tests.Events;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>Completion events reach the SSE clients of every API process, whichever worker finished the
/// video: each process listens on a queue of its own, where a shared queue would give each event to one.
/// Webhooks are the opposite: one subscription, shared by every process, and each delivery sent once. And a
/// client that reconnects resumes from the shared event log at any process, one that never heard the event too.</summary>
public class EventFanOutTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    [SharedDataFact]
    public async Task Every_process_streams_the_completion_of_a_video_only_one_processed_and_its_webhook_is_delivered_once()
    {
        var deployment = await stack.DeployAsync("e2e-fan-out");
        await using var receiver = await WebhookReceiver.StartAsync();
        string[] settings = [.. deployment.WorkerSettings(), "--ShoppableVideo:Webhooks:AllowPrivateNetworks=true",
            .. Deployment.AcceptingKey("operator", OperatorKey)];
        using var first = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-fan-").FullName, settings);
        using var second = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-fan-").FullName, settings);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var streams = new[] { await ConnectAsync(first, timeout.Token), await ConnectAsync(second, timeout.Token) };
        // One webhook subscription, made through the first process: both dispatch from the shared store.
        var subscription = await SubscribeAsync(first, receiver.Url, timeout.Token);

        await deployment.PutAndAnnounceAsync(Buckets.Videos, "fan-out.mp4", SharedData.Video(Fixtures.Fence));

        ServerSentEvent? completed = null;
        foreach (var stream in streams)
        {
            completed = await stream.FirstAsync(e => e.Type == CompletionEventTypes.VideoCompleted, timeout.Token);
            Assert.Equal("fan-out.mp4", CompletionEvent.FromJson(completed.Data).Key);
        }

        // A process started after the video finished, reached by a resuming client whose last id is older than
        // the log: it replays every logged event, the completion this process never heard among them.
        using var third = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-fan-").FullName, settings);
        var resumed = await ConnectAsync(third, timeout.Token, lastEventId: Guid.NewGuid().ToString("N"));
        Assert.Equal(completed!.Id, (await resumed.FirstAsync(e => e.Type == CompletionEventTypes.VideoCompleted, timeout.Token)).Id);
        // Delivered once: recorded as delivered at its first attempt, seen through the other process.
        second.Http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, OperatorKey);
        var delivery = await Poll.UntilAsync(async ct =>
        {
            var deliveries = await second.Http.GetFromJsonAsync<List<WebhookDelivery>>($"/webhooks/{subscription}/deliveries", ct);
            return deliveries?.FirstOrDefault(d => d.State == WebhookDeliveryState.Delivered);
        }, TimeSpan.FromMinutes(1));
        Assert.Equal(1, delivery.Attempts);
        Assert.Single(receiver.Deliveries, d => d.Event == CompletionEventTypes.VideoCompleted);
    }

    const string OperatorKey = "e2e-operator-key-0123456789abcdef";

    static async Task<Guid> SubscribeAsync(HostProcess host, Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks")
        {
            Content = JsonContent.Create(new { url, events = new[] { CompletionEventTypes.VideoCompleted } }),
        };
        request.Headers.Add(ApiKeyFilter.HeaderName, OperatorKey);
        using var response = await host.Http.SendAsync(request, ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetGuid();
    }

    static async Task<ServerSentEventReader> ConnectAsync(HostProcess host, CancellationToken ct, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ServerSentEventReader(await response.Content.ReadAsStreamAsync(ct));
    }
}
