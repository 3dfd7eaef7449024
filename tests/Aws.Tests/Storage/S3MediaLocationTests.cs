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
    public async Task Ffprobe_of_a_deleted_video_says_it_is_gone()
    {
        var (store, _) = await s3.NewStoreAsync();

        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            new FfprobeVideoProber(store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, "gone.mp4"));
    }
}
