using System.Net;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

/// <summary>Bad videos dropped into the videos bucket beside good ones, on the real embedded host.</summary>
public class BadInputTests
{
    [SharedDataFact]
    public async Task Bad_videos_fail_with_readable_reasons_in_status_while_good_ones_dropped_with_them_complete()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var staging = Directory.CreateTempSubdirectory("sv-bad-").FullName;
        var fence = File.ReadAllBytes(SharedData.Video(Fixtures.Fence));
        File.WriteAllBytes(Path.Combine(staging, "truncated.mp4"), fence[..(fence.Length / 3)]);
        File.WriteAllText(Path.Combine(staging, "notes.mp4"), "this is a text file, not a video\n");
        File.WriteAllBytes(Path.Combine(staging, "empty.mp4"), []);
        Ffmpeg.Generate(Path.Combine(staging, "audio-only.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac");
        Ffmpeg.Generate(Path.Combine(staging, "one-pixel.mp4"), "-f", "lavfi", "-i", "color=c=red:s=16x16:d=1", "-vf", "scale=1:1", "-c:v", "mpeg4");
        File.Copy(SharedData.Video(Fixtures.Fence), Path.Combine(staging, "sneaky..name.mp4"));
        File.Copy(SharedData.Video(Fixtures.Fence), Path.Combine(staging, "good-fence.mp4"));
        File.Copy(SharedData.Video(Fixtures.SixShots), Path.Combine(staging, "good-six-shots.mp4"));

        // Dropped together: each appears in the bucket whole (a rename), as a finished upload would.
        foreach (var file in Directory.GetFiles(staging))
            File.Move(file, Path.Combine(host.VideosFolder, Path.GetFileName(file)));

        var expectedReasons = new Dictionary<string, string>
        {
            ["notes.mp4"] = "ffprobe could not read the file",
            ["empty.mp4"] = "the file is empty",
            ["audio-only.mp4"] = "no video stream",
            ["one-pixel.mp4"] = "too small (1x1)",
            ["sneaky..name.mp4"] = "contains '..'",
        };
        foreach (var (key, reason) in expectedReasons)
        {
            var status = await host.WaitForVideoAsync(key, TimeSpan.FromMinutes(2));
            Assert.Equal("Failed", status.Status.State);
            Assert.Contains(reason, status.Status.FailureReason);
            Assert.Equal("Probe", status.Status.FailedStep);
        }

        // Cut at a third, the fast-start file still probes at its whole length and decodes its head: it
        // fails saying so, instead of finishing "complete" with two thirds never seen.
        var truncated = await host.WaitForVideoAsync("truncated.mp4", TimeSpan.FromMinutes(2));
        Assert.Equal("Failed", truncated.Status.State);
        Assert.Equal("ExtractFrames", truncated.Status.FailedStep);
        Assert.Contains("the video is cut short", truncated.Status.FailureReason);

        foreach (var key in new[] { "good-fence.mp4", "good-six-shots.mp4" })
        {
            var status = await host.WaitForVideoAsync(key, TimeSpan.FromMinutes(2));
            Assert.Equal("Completed", status.Status.State);
            var document = await host.Http.GetAsync($"/videos/{status.Id}");
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.True(File.Exists(Path.Combine(host.Data.BucketsRoot, "output", status.DocumentKey!)));
        }
        Assert.Equal(6, (await host.WaitForVideoAsync("good-six-shots.mp4", TimeSpan.FromSeconds(5))).SegmentCount);
        // Nothing the bad files did touched the good files in the bucket.
        Assert.Equal(new FileInfo(SharedData.Video(Fixtures.Fence)).Length, new FileInfo(Path.Combine(host.VideosFolder, "good-fence.mp4")).Length);
        // Decodes worked in the data folder's scratch, and each cleaned up after itself, failed or not.
        Assert.True(Directory.Exists(host.Data.ScratchRoot));
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.Data.ScratchRoot));
    }

    [Fact]
    public async Task What_a_killed_host_left_in_its_scratch_is_swept_when_the_next_one_starts()
    {
        var data = EmbeddedHost.NewDataDirectory();
        var leftover = Directory.CreateDirectory(Path.Combine(data.ScratchRoot, "shoppable-frames-0123456789abcdef"));
        File.WriteAllBytes(Path.Combine(leftover.FullName, "000015.raw"), new byte[1024]);
        var unrelated = Path.Combine(data.ScratchRoot, "notes.txt");
        File.WriteAllText(unrelated, "not a decode's");

        await using var host = await EmbeddedHost.StartAsync(data);

        Assert.False(Directory.Exists(leftover.FullName));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public async Task An_unknown_video_id_is_a_404()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var response = await host.Http.GetAsync($"/videos/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
