using System.Net.Http.Json;
using System.Text.Json;
using Amazon.S3.Model;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>The product index and the reviews are shared, not a worker's own: a catalog ingested by one
/// worker is what another, started afterwards on an empty data folder, matches videos against, and a review
/// made through one process shows on the document a third serves. The index is on the OpenSearch stand-in
/// (<see cref="OpenSearchStandIn"/>), the reviews in DynamoDB (dynalite), the rest on the local servers.</summary>
public class SharedProductIndexTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [SharedDataFact]
    public async Task A_catalog_ingested_on_worker_a_is_matched_on_worker_b_and_a_review_on_b_is_served_by_worker_c()
    {
        await using var openSearch = await OpenSearchStandIn.StartAsync();
        var deployment = await stack.DeployAsync("e2e-shared-index");
        string[] settings = [.. deployment.WorkerSettings(), .. Deployment.ProductIndexOn(openSearch.Endpoint, "e2e-shared-index-products"),
            .. Deployment.AcceptingKey("reviewer", ReviewerKey)];
        var luma = Path.Combine(SharedData.Folder!, "luma", "images");
        (string Id, string Category, string Photo)[] products =
        [
            ("WH01-Green", "Women/Tops/Hoodies & Sweatshirts", "wh01-green_main.jpg"),
            ("MH01-Black", "Men/Tops/Hoodies & Sweatshirts", "mh01-black_main.jpg"),
            ("WB01-Black", "Gear/Bags", "wb01-black_main.jpg"),
        ];

        using (var workerA = await HostProcess.StartAsync(NewDataFolder(), settings))
        {
            await deployment.DropLumaCatalogAsync(products);

            var batch = await Poll.UntilAsync(async ct => (await workerA.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
                .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), Timeout, describe: () => workerA.Output);
            Assert.True((batch.Status.State, batch.Ingested) == ("Completed", 3), $"{batch.Status.State} {batch.Ingested}: {workerA.Output}");
        }
        Assert.Equal(3, openSearch.Documents("e2e-shared-index-products").Count);

        // Worker A is gone; worker B starts on an empty data folder: its own SQLite file holds no product.
        using var workerB = await HostProcess.StartAsync(NewDataFolder(), settings);
        var video = Path.Combine(NewDataFolder(), "green-hoodie.mp4");
        Ffmpeg.Generate(video, "-loop", "1", "-i", Path.Combine(luma, "wh01-green_main.jpg"), "-t", "3", "-r", "25",
            "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p", "-c:v", "libx264");
        await deployment.PutAndAnnounceAsync(Buckets.Videos, "green-hoodie.mp4", video);

        var done = await Poll.UntilAsync(async ct => (await workerB.Http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Status.State is "Completed" or "Failed"), Timeout, describe: () => workerB.Output);
        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{workerB.Output}");
        var document = await workerB.Http.GetFromJsonAsync<JsonElement>($"/videos/{done.Id}/shoppable");
        var listed = document.GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("products").EnumerateArray().Select(p => (Shot: s.GetProperty("index").GetInt32(),
                Product: p.GetProperty("productId").GetString()))).ToList();
        var (shot, _) = Assert.Single(listed, l => l.Product == "WH01-Green");

        // A reviewer rejects it through worker B's API; worker C, another process started afterwards, serves
        // the document with the review applied: reviews live in DynamoDB, not in a worker's SQLite file.
        using (var review = new HttpRequestMessage(HttpMethod.Post, $"/videos/{done.Id:N}/shots/{shot}/reviews")
               {
                   Content = JsonContent.Create(new { action = "reject", productId = "WH01-Green", note = "not in this look" }),
               })
        {
            review.Headers.Add(ApiKeyFilter.HeaderName, ReviewerKey);
            using var answer = await workerB.Http.SendAsync(review);
            Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        }
        using var workerC = await HostProcess.StartAsync(NewDataFolder(), settings);
        var served = await workerC.Http.GetFromJsonAsync<JsonElement>($"/videos/{done.Id}/shoppable");
        Assert.DoesNotContain(served.GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("products").EnumerateArray()),
            p => p.GetProperty("productId").GetString() == "WH01-Green");
        var history = await workerC.Http.GetFromJsonAsync<JsonElement>($"/videos/{done.Id}/reviews");
        Assert.Equal("not in this look", Assert.Single(history.EnumerateArray()).GetProperty("note").GetString());
    }

    const string ReviewerKey = "e2e-reviewer-key-0123456789abcdef";

    [Fact]
    public async Task A_worker_whose_opensearch_is_unreachable_is_not_ready_and_names_it()
    {
        var deployment = await stack.DeployAsync("e2e-no-index");
        var nobody = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        using var worker = await HostProcess.StartAsync(NewDataFolder(),
            [.. deployment.WorkerSettings(), .. Deployment.ProductIndexOn(nobody, "products")]);

        // Once the bus has connected to RabbitMQ, only the index keeps the worker from being ready.
        var (status, checks) = await Poll.UntilAsync(async ct =>
        {
            using var ready = await worker.Http.GetAsync("/health/ready", ct);
            var report = (await ready.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("checks").EnumerateArray()
                .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            return report["masstransit-bus"] == "Healthy" ? Tuple.Create(ready.StatusCode, report) : null;
        }, TimeSpan.FromMinutes(1));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["product-index"]);
        Assert.Equal(("Healthy", "Healthy"), (checks["buckets"], checks["saga-store"]));
    }

    static string NewDataFolder() => Directory.CreateTempSubdirectory("sv-aws-shared-").FullName;
}
