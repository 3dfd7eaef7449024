using System.Net.Http.Json;
using System.Text.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Sagas.Rematch;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>Re-matching in the aws profile: the re-match saga lives in the DynamoDB saga table beside the others,
/// its commands and results go over RabbitMQ, the new version lands in S3, and its event on SNS.</summary>
public class AwsRematchTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [SharedDataFact]
    public async Task A_product_added_to_the_catalog_after_a_video_was_processed_gives_it_a_second_version_announced_on_sns()
    {
        await using var openSearch = await OpenSearchStandIn.StartAsync();
        var deployment = await stack.DeployAsync("e2e-rematch");
        using var worker = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-rematch-").FullName,
            [.. deployment.WorkerSettings(), .. Deployment.ProductIndexOn(openSearch.Endpoint, "e2e-rematch-products")]);
        await deployment.DropLumaCatalogAsync([("MH01-Black", "Men/Tops/Hoodies & Sweatshirts", "mh01-black_main.jpg")]);
        await Poll.UntilAsync(async ct => (await worker.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed"), Timeout, describe: () => worker.Output);

        var video = Path.Combine(Directory.CreateTempSubdirectory("sv-aws-rematch-").FullName, "green-hoodie.mp4");
        Ffmpeg.Generate(video, "-loop", "1", "-i", Path.Combine(SharedData.Folder!, "luma", "images", "wh01-green_main.jpg"), "-t", "3", "-r", "25",
            "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p", "-c:v", "libx264");
        await deployment.PutAndAnnounceAsync(Buckets.Videos, "green-hoodie.mp4", video);
        var done = await Poll.UntilAsync(async ct => (await worker.Http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
            .FirstOrDefault(v => v.Status.State is "Completed" or "Failed"), Timeout, describe: () => worker.Output);
        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{worker.Output}");

        // The green hoodie joins the catalog in a manifest of its own.
        await deployment.DropLumaCatalogAsync([("WH01-Green", "Women/Tops/Hoodies & Sweatshirts", "wh01-green_main.jpg")], "new-in.csv");
        var rematched = await Poll.UntilAsync(async _ => (await deployment.ReceiveCompletionEventsAsync())
            .FirstOrDefault(e => e.GetProperty("eventType").GetString() == "VideoRematched") is { ValueKind: JsonValueKind.Object } found
                ? Tuple.Create(found) : null, Timeout, describe: () => worker.Output);
        var announced = rematched.Item1.GetProperty("event");
        Assert.Equal(done.Id, announced.GetProperty("videoId").GetGuid());
        Assert.Equal(2, announced.GetProperty("version").GetInt32());

        var item = await deployment.SagaItemAsync(rematched.Item1.GetProperty("id").GetGuid(), nameof(VideoRematchState));
        Assert.Equal("Completed", item["State"].S);
        Assert.Equal([$"videos/{done.Id:N}/shoppable.v2.json"], await deployment.OutputKeysAsync("shoppable.v2.json"));
        var latest = await worker.Http.GetFromJsonAsync<JsonElement>($"/videos/{done.Id}/shoppable");
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Contains("WH01-Green", latest.GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("products").EnumerateArray()).Select(p => p.GetProperty("productId").GetString()));
        var first = await worker.Http.GetFromJsonAsync<JsonElement>($"/videos/{done.Id}/shoppable?version=1");
        Assert.DoesNotContain("WH01-Green", first.GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("products").EnumerateArray()).Select(p => p.GetProperty("productId").GetString()));
    }
}
