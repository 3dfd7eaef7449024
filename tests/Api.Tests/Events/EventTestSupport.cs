using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Events;

/// <summary>Small real videos made with ffmpeg and dropped into a host's videos bucket, and the calls
/// the event tests share.</summary>
public static class EventTestSupport
{
    /// <summary>Settings for a host whose webhooks may call the test's loopback receivers and retry quickly.</summary>
    public static Dictionary<string, string?> FastLoopbackWebhooks(string requestTimeout = "00:00:05") => new()
    {
        [$"{WebhookOptions.Section}:AllowPrivateNetworks"] = "true",
        [$"{WebhookOptions.Section}:BackoffBase"] = "00:00:00.100",
        [$"{WebhookOptions.Section}:PollInterval"] = "00:00:00.100",
        [$"{WebhookOptions.Section}:MaxAttempts"] = "5",
        [$"{WebhookOptions.Section}:RequestTimeout"] = requestTimeout,
    };

    /// <summary>Makes a one-second video and moves it into the bucket whole, as a finished upload arrives.</summary>
    public static void DropSmallVideo(ApiFactory factory, string key)
    {
        var staging = Directory.CreateTempSubdirectory("sv-events-").FullName;
        var file = Path.Combine(staging, key);
        Ffmpeg.Generate(file, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-c:v", "mpeg4");
        File.Move(file, BucketPath(factory, key));
    }

    public static void DropTextPretendingToBeAVideo(ApiFactory factory, string key)
    {
        var staging = Directory.CreateTempSubdirectory("sv-events-").FullName;
        var file = Path.Combine(staging, key);
        File.WriteAllText(file, "this is a text file, not a video\n");
        File.Move(file, BucketPath(factory, key));
    }

    static string BucketPath(ApiFactory factory, string key) => Path.Combine(factory.Data.BucketsRoot, "videos", key);

    public static Task<VideoStatus> WaitForVideoAsync(HttpClient http, string key) =>
        Poll.UntilAsync(async ct =>
            (await http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct))?
                .FirstOrDefault(v => v.Video?.Key == key && v.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(2));

    public static async Task<CreatedWebhookSubscription> SubscribeAsync(HttpClient writer, Uri url)
    {
        var response = await writer.PostAsJsonAsync("/webhooks", new { url });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CreatedWebhookSubscription>())!;
    }

    public static Task<WebhookDelivery> WaitForDeliveryAsync(HttpClient writer, Guid subscription, Func<WebhookDelivery, bool> done) =>
        Poll.UntilAsync(async ct =>
            (await writer.GetFromJsonAsync<List<WebhookDelivery>>($"/webhooks/{subscription:N}/deliveries", ct))?.FirstOrDefault(done),
            TimeSpan.FromMinutes(2));

    public static JsonElement Json(string body) => JsonDocument.Parse(body).RootElement.Clone();
}
