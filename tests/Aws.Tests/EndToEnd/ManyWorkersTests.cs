using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Tests.Events;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>
/// A deployment of many processes on the local servers: one API process and three workers (every one the
/// same host, configured only by settings), the product index on the OpenSearch stand-in, everything else
/// on fauxqs, dynalite and RabbitMQ. The catalog is ingested, then 30 videos are dropped at once and one worker
/// is killed with SIGKILL mid-run; every video still completes with exactly one document, a review made through the
/// API shows on the document a worker serves, and each completion reaches the webhook subscriber once.
/// </summary>
public class ManyWorkersTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    const int Videos = 30;
    const string OperatorKey = "e2e-operator-key-many-workers-0123";

    [SharedDataFact]
    public async Task Thirty_videos_on_three_workers_one_killed_mid_run_complete_once_each_with_reviews_and_webhooks_shared()
    {
        await using var openSearch = await OpenSearchStandIn.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var deployment = await stack.DeployAsync("e2e-many");
        string[] settings = [.. deployment.WorkerSettings(), .. Deployment.ProductIndexOn(openSearch.Endpoint, "e2e-many-products"),
            "--ShoppableVideo:Webhooks:AllowPrivateNetworks=true", .. Deployment.AcceptingKey("operator", OperatorKey)];
        using var api = await HostProcess.StartAsync(NewFolder(), settings);
        api.Http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, OperatorKey);
        var workers = new List<HostProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
                workers.Add(await HostProcess.StartAsync(NewFolder(), settings));
            await SubscribeAsync(api, receiver.Url);

            // The catalog first (a video analysed before it is indexed would rightly find nothing), then 30
            // videos at once: one shows a catalog product, the others are test patterns.
            await DropCatalogAsync(deployment);
            var batch = await Poll.UntilAsync(async ct => (await api.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
                .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(3), describe: () => Outputs(api, workers));
            Assert.Equal(("Completed", 3), (batch.Status.State, batch.Ingested));
            var sources = NewFolder();
            var keys = new List<string>();
            var look = Path.Combine(sources, "look.mp4");
            Ffmpeg.Generate(look, "-loop", "1", "-i", LumaPhoto("wh01-green_main.jpg"), "-t", "3", "-r", "25",
                "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p", "-c:v", "libx264");
            for (var i = 1; i < Videos; i++)
            {
                var path = Path.Combine(sources, $"pattern-{i:D2}.mp4");
                Ffmpeg.Generate(path, "-f", "lavfi", "-i", $"testsrc2=s=320x240:r=25:d=2", "-metadata", $"comment=pattern {i}",
                    "-pix_fmt", "yuv420p", "-c:v", "libx264");
            }
            await Task.WhenAll(Directory.GetFiles(sources, "*.mp4").Select(async path =>
            {
                var key = Path.GetFileName(path);
                lock (keys)
                    keys.Add(key);
                await deployment.PutAndAnnounceAsync(Buckets.Videos, key, path);
            }));

            // Mid-run: some videos done, others not.
            await Poll.UntilAsync(async ct => (await VideosAsync(api, ct)).Count(v => v.Status.State == "Completed") is >= 3 and < Videos
                ? "mid-run" : null, TimeSpan.FromMinutes(5), describe: () => Outputs(api, workers));
            workers[2].Kill();

            var finished = await Poll.UntilAsync(async ct => (await VideosAsync(api, ct)) is { Count: Videos } all
                && all.All(v => v.Status.State is "Completed" or "Failed") ? all : null,
                // A bound on a hang, not a speed target: four hosts on two loaded cores once needed more than ten minutes.
                TimeSpan.FromMinutes(25),
                describe: () => Outputs(api, workers));
            Assert.All(finished, v => Assert.True(v.Status.State == "Completed", $"{v.Video?.Key}: {v.Status.FailedStep} {v.Status.FailureReason}"));
            Assert.Equal(keys.Order(), finished.Select(v => v.Video!.Key).Order());
            Assert.Equal(finished.Select(v => ShoppableDocument.KeyFor(v.Id)).Order(), (await deployment.OutputKeysAsync("shoppable.json")).Order());

            // A review through the API process, served by a worker that did not take it.
            var lookVideo = finished.Single(v => v.Video!.Key == "look.mp4");
            var document = await api.Http.GetFromJsonAsync<JsonElement>($"/videos/{lookVideo.Id}/shoppable");
            var shot = document.GetProperty("segments").EnumerateArray()
                .First(s => s.GetProperty("products").EnumerateArray().Any(p => p.GetProperty("productId").GetString() == "WH01-Green"))
                .GetProperty("index").GetInt32();
            using (var review = await api.Http.PostAsJsonAsync($"/videos/{lookVideo.Id:N}/shots/{shot}/reviews",
                       new { action = "reject", productId = "WH01-Green" }))
                Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync());
            var served = await workers[0].Http.GetFromJsonAsync<JsonElement>($"/videos/{lookVideo.Id}/shoppable");
            Assert.DoesNotContain(served.GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("products").EnumerateArray()),
                p => p.GetProperty("productId").GetString() == "WH01-Green");

            // Every completion reached the subscriber, whichever process dispatched it: one delivery per video.
            // Delivery is at least once: the killed worker may have sent one and died before recording the
            // answer, and another process then sends it again under the same delivery id, which is how a
            // subscriber drops the repeat.
            var completions = () => receiver.Deliveries.Where(d => d.Event == CompletionEventTypes.VideoCompleted).ToList();
            string Undelivered() => string.Join(", ", finished.Select(v => v.Video!.Key).Except(completions().Select(d => CompletionEvent.FromJson(d.Body).Key!)));
            await Poll.UntilAsync(_ => Task.FromResult(completions().Select(d => d.DeliveryId).Distinct().Count() >= Videos ? "all" : null),
                TimeSpan.FromMinutes(2), describe: () => $"not delivered: {Undelivered()}\n{Outputs(api, workers)}");
            var byDelivery = completions().GroupBy(d => d.DeliveryId).ToList();
            Assert.Equal(Videos, byDelivery.Count);
            Assert.Equal(keys.Order(), byDelivery.Select(g => CompletionEvent.FromJson(g.First().Body).Key!).Order());
            Assert.All(byDelivery, g => Assert.Single(g.Select(d => d.Body).Distinct()));
        }
        finally
        {
            foreach (var worker in workers)
                worker.Dispose();
        }
    }

    static async Task<List<VideoStatus>> VideosAsync(HostProcess host, CancellationToken ct) =>
        await host.Http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct) ?? [];

    static string Outputs(HostProcess api, IEnumerable<HostProcess> workers) =>
        string.Join("\n---\n", new[] { api }.Concat(workers).Select(h => h.Output));

    static Task DropCatalogAsync(Deployment deployment) => deployment.DropLumaCatalogAsync(
    [
        ("WH01-Green", "Women/Tops/Hoodies & Sweatshirts", "wh01-green_main.jpg"),
        ("MH01-Black", "Men/Tops/Hoodies & Sweatshirts", "mh01-black_main.jpg"),
        ("WB01-Black", "Gear/Bags", "wb01-black_main.jpg"),
    ]);

    static async Task SubscribeAsync(HostProcess api, Uri url)
    {
        using var response = await api.Http.PostAsJsonAsync("/webhooks", new { url, events = new[] { CompletionEventTypes.VideoCompleted } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    static string LumaPhoto(string name) => Path.Combine(SharedData.Folder!, "luma", "images", name);

    static string NewFolder() => Directory.CreateTempSubdirectory("sv-aws-many-").FullName;
}
