using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

public class CrashRecoveryTests
{
    [SharedDataFact]
    public async Task A_host_killed_mid_saga_finishes_the_video_after_restart_with_exactly_one_document()
    {
        var data = EmbeddedHost.NewDataDirectory();
        var videos = Path.Combine(data.BucketsRoot, "videos");
        VideoStatus midway;
        using (var first = await HostProcess.StartAsync(data.Root))
        {
            var staged = Path.Combine(data.Root, "people.mp4");
            File.Copy(SharedData.Video(Fixtures.People), staged);
            File.Move(staged, Path.Combine(videos, "people.mp4"));

            midway = await PollUntil(first.Http, v => v.Status.State == "ExtractingFrames", TimeSpan.FromMinutes(1));
            var decoder = (int)await Poll.UntilAsync(_ => Task.FromResult(
                first.Children().Where(c => c.Name == "ffmpeg").Select(c => (object)c.Pid).FirstOrDefault()), TimeSpan.FromMinutes(1), intervalMs: 20);
            first.Kill();

            // The decode dies with the host that reads it, instead of running on as an orphan.
            await Poll.UntilAsync(_ => Task.FromResult(HostProcess.IsRunning(decoder) ? null : "gone"), TimeSpan.FromMinutes(1),
                describe: () => $"ffmpeg {decoder} still running after its host was killed");
        }

        using var second = await HostProcess.StartAsync(data.Root);
        var done = await PollUntil(second.Http, v => v.Status.State is "Completed" or "Failed", TimeSpan.FromMinutes(2));

        Assert.Equal(midway.Id, done.Id);
        Assert.Equal("Completed", done.Status.State);
        // The killed step was issued again by the restarted host, not skipped.
        Assert.True(done.Status.Timings.Single(t => t.Step == "ExtractFrames").Attempts >= 2);
        var all = await second.Http.GetFromJsonAsync<List<VideoStatus>>("/videos");
        Assert.Single(all!);
        var documents = Directory.GetFiles(Path.Combine(data.BucketsRoot, "output"), "shoppable.json", SearchOption.AllDirectories);
        Assert.Single(documents);
        Assert.True(done.SegmentCount >= 1);
    }

    // Every 20 ms: the kill must land inside a step that lasts about a second.
    static Task<VideoStatus> PollUntil(HttpClient http, Func<VideoStatus, bool> condition, TimeSpan timeout) =>
        Poll.UntilAsync(async ct => (await http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?.FirstOrDefault(condition),
            timeout, intervalMs: 20);
}
