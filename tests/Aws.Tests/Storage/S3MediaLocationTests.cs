using System.Diagnostics;
using System.Text.RegularExpressions;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Storage;

/// <summary>ffmpeg and ffprobe read S3 objects through a presigned URL, with ranged requests.</summary>
public class S3MediaLocationTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    [Fact]
    public async Task Ffprobe_reads_a_video_through_its_media_location()
    {
        var (store, _) = await s3.NewStoreAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("sv-s3-media-").FullName, "clip.mp4");
        try
        {
            // No faststart: the index sits at the end, so ffprobe must seek (a Range request) to find it.
            Ffmpeg.Generate(file, "-f", "lavfi", "-i", "testsrc=duration=3:size=160x120:rate=10", "-pix_fmt", "yuv420p", "-c:v", "libx264");
            await using (var content = File.OpenRead(file))
                await store.WriteAsync(Buckets.Videos, "clips/clip.mp4", content);

            var location = store.GetMediaLocation(Buckets.Videos, "clips/clip.mp4");
            var probe = await new FfprobeVideoProber(store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, "clips/clip.mp4");

            Assert.StartsWith($"{s3.Server.Endpoint.GetLeftPart(UriPartial.Authority)}/", location);
            Assert.Contains("X-Amz-Signature=", location);
            Assert.Equal(3.0, probe.DurationSeconds, 1);
            Assert.Equal((160, 120), (probe.Width, probe.Height));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public async Task Ffprobe_seeks_with_range_requests_rather_than_reading_the_whole_video()
    {
        var (store, _) = await s3.NewStoreAsync();
        var file = Path.Combine(Directory.CreateTempSubdirectory("sv-s3-media-").FullName, "noisy.mp4");
        try
        {
            // Lossless noise makes a few MiB, far more than ffmpeg's read buffer, with the index at the end.
            Ffmpeg.Generate(file, "-f", "lavfi", "-i", "testsrc=duration=2:size=320x240:rate=25,noise=alls=100:allf=t",
                "-pix_fmt", "yuv420p", "-c:v", "libx264", "-qp", "0");
            await using (var content = File.OpenRead(file))
                await store.WriteAsync(Buckets.Videos, "noisy.mp4", content);

            // At debug level ffmpeg's http protocol logs each request it sends, headers included.
            var log = await FfprobeDebugLogAsync(store.GetMediaLocation(Buckets.Videos, "noisy.mp4"));

            var rangeStarts = Regex.Matches(log, @"Range: bytes=(\d+)-").Select(m => long.Parse(m.Groups[1].Value)).ToList();
            Assert.Contains(rangeStarts, start => start > new FileInfo(file).Length / 2);
            Assert.Matches(@"Duration: 00:00:02\.0", log);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    static async Task<string> FfprobeDebugLogAsync(string url)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-v", "debug", url })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var log = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        Assert.True(process.ExitCode == 0, log);
        return log;
    }

    [Fact]
    public async Task Ffprobe_of_a_deleted_video_says_it_is_gone()
    {
        var (store, _) = await s3.NewStoreAsync();

        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            new FfprobeVideoProber(store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, "gone.mp4"));
    }
}
