using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

/// <summary>The real host as its own process, killed with SIGKILL five times in a row at chosen points of
/// a saga and started again on the same data folder each time. Each kill point is a fact the host reports
/// (a step issued for the nth time, a count of rows reached), not a sleep, so the test kills where it says.</summary>
public class CrashRecoveryTests
{
    /// <summary>A step of the video saga, issued for the <paramref name="Attempt"/>th time.</summary>
    record VideoKillPoint(string Step, int Attempt);

    static readonly VideoKillPoint[] VideoKillPoints =
    [
        new("ExtractFrames", 1), new("ExtractFrames", 2),
        new("AnalyzeFrames", 1), new("AnalyzeFrames", 2), new("AnalyzeFrames", 3),
    ];

    [SharedDataFact]
    public async Task A_video_whose_host_is_killed_at_five_chosen_steps_finishes_after_the_last_restart_with_exactly_one_document()
    {
        var data = EmbeddedHost.NewDataDirectory();
        Guid? videoId = null;
        foreach (var kill in VideoKillPoints)
        {
            using var host = await HostProcess.StartAsync(data.Root);
            if (videoId is null)
                DropVideo(data, Fixtures.People);

            var reached = await PollVideo(host.Http, v => v.Status.CurrentStep == kill.Step && AttemptsOf(v, kill.Step) == kill.Attempt,
                $"{kill.Step} issued for time {kill.Attempt}");
            videoId ??= reached.Id;
            Assert.Equal(videoId, reached.Id);
            if (kill.Step == "ExtractFrames")
                await KillWhileDecodingAndSeeTheDecoderGo(host);
            else
                host.Kill();
        }

        using var last = await HostProcess.StartAsync(data.Root);
        var done = await PollVideo(last.Http, v => v.Status.State is "Completed" or "Failed", "finished");

        Assert.Equal(("Completed", videoId), (done.Status.State, (Guid?)done.Id));
        // Each killed step was issued again by the next host, not skipped.
        Assert.True(AttemptsOf(done, "ExtractFrames") >= 3, $"ExtractFrames attempts: {AttemptsOf(done, "ExtractFrames")}");
        Assert.True(AttemptsOf(done, "AnalyzeFrames") >= 4, $"AnalyzeFrames attempts: {AttemptsOf(done, "AnalyzeFrames")}");
        Assert.Single((await last.Http.GetFromJsonAsync<List<VideoStatus>>("/videos"))!);
        Assert.Single(Directory.GetFiles(Path.Combine(data.BucketsRoot, "output"), "shoppable*.json", SearchOption.AllDirectories));
        Assert.True(done.SegmentCount >= 1);
    }

    /// <summary>Rows counted by the batch when its host is killed: the first window of 24 rows, and points
    /// well inside the batch, each reached again after the restart before it.</summary>
    static readonly int[] CatalogKillPoints = [10, 90, 170, 250, 330];

    const int CatalogRows = 431;

    [SharedDataFact]
    public async Task A_431_row_batch_whose_host_is_killed_five_times_completes_with_every_row_once()
    {
        var data = EmbeddedHost.NewDataDirectory();
        foreach (var rows in CatalogKillPoints)
        {
            using var host = await HostProcess.StartAsync(data.Root);
            if (rows == CatalogKillPoints[0])
                DropCatalog(data);

            await PollBatch(host.Http, b => b.Ingested >= rows, $"{rows} rows counted");
            host.Kill();
        }

        using var last = await HostProcess.StartAsync(data.Root);
        var done = await PollBatch(last.Http, b => b.Status.State is "Completed" or "Failed", "finished");

        Assert.Equal(("Completed", CatalogRows, 0), (done.Status.State, done.Ingested, done.Failed));
        Assert.Single((await last.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches"))!);
        var products = await last.Http.GetFromJsonAsync<CatalogProductPage>("/catalog/products?limit=1");
        Assert.Equal(CatalogRows, products!.Total);
    }

    static void DropVideo(DataDirectory data, string fixture)
    {
        var staged = Path.Combine(data.Root, fixture);
        File.Copy(SharedData.Video(fixture), staged);
        File.Move(staged, Path.Combine(data.BucketsRoot, "videos", fixture));
    }

    /// <summary>431 products (the size of the shared catalog) on 24 of its photos, so the batch is long in
    /// rows and short in model time; rows naming a photo another row is describing wait for it.</summary>
    static void DropCatalog(DataDirectory data)
    {
        var photos = SharedData.LumaRows().Take(24).ToList();
        var images = Path.Combine(data.BucketsRoot, "catalog", "shop", "images");
        Directory.CreateDirectory(images);
        foreach (var photo in photos)
            File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", photo.Image), Path.Combine(images, photo.Image));
        var staged = Path.Combine(data.Root, "manifest.csv");
        File.WriteAllLines(staged,
        [
            "product_id,name,price,category,image,url,rating,availability",
            .. Enumerable.Range(0, CatalogRows).Select(i => (Id: $"CRASH-{i:D3}", Photo: photos[i % photos.Count]))
                .Select(r => $"{r.Id},{r.Id} name,10,\"{r.Photo.Category}\",images/{r.Photo.Image},https://shop.example/{r.Id},4.5,in stock"),
        ]);
        File.Move(staged, Path.Combine(data.BucketsRoot, "catalog", "shop", "manifest.csv"));
    }

    /// <summary>Kills the host once the step's ffmpeg runs, then sees that decode die with the host that
    /// reads it instead of running on as an orphan.</summary>
    static async Task KillWhileDecodingAndSeeTheDecoderGo(HostProcess host)
    {
        var decoder = (int)await Poll.UntilAsync(_ => Task.FromResult(
            host.Children().Where(c => c.Name == "ffmpeg").Select(c => (object)c.Pid).FirstOrDefault()), TimeSpan.FromMinutes(1), intervalMs: 20);
        host.Kill();
        await Poll.UntilAsync(_ => Task.FromResult(HostProcess.IsRunning(decoder) ? null : "gone"), TimeSpan.FromMinutes(1),
            describe: () => $"ffmpeg {decoder} still running after its host was killed");
    }

    static int AttemptsOf(VideoStatus video, string step) =>
        video.Status.Timings.LastOrDefault(t => t.Step == step)?.Attempts ?? 0;

    // Every 20 ms: a kill point must be seen inside a step that lasts about a second.
    static Task<VideoStatus> PollVideo(HttpClient http, Func<VideoStatus, bool> condition, string what) =>
        Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?.FirstOrDefault(condition),
            TimeSpan.FromMinutes(3), intervalMs: 20, describe: () => $"the video never reached: {what}");

    static Task<CatalogBatchStatus> PollBatch(HttpClient http, Func<CatalogBatchStatus, bool> condition, string what)
    {
        CatalogBatchStatus? seen = null;
        return Poll.UntilAsync(async ct =>
            {
                seen = (await http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?.FirstOrDefault() ?? seen;
                return seen is not null && condition(seen) ? seen : null;
            },
            TimeSpan.FromMinutes(3), intervalMs: 20,
            describe: () => $"the batch never reached: {what} (last seen: {seen?.Status.State}, {seen?.Ingested} of {CatalogRows} counted)");
    }
}
