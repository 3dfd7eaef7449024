using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Consumers.Tests.Frames;

public sealed class FfprobeVideoProberTests : IDisposable
{
    readonly TempStore _shared = new(linkSharedVideos: SharedData.Folder is not null);
    readonly TempStore _scratch = new();

    FfprobeVideoProber ProberFor(TempStore store) => new(store.Store, new MediaTools(), new MediaLimits());

    [SharedDataFact]
    public async Task Probing_the_six_shot_video_reports_720p_at_25_fps_with_450_frames()
    {
        var probe = await ProberFor(_shared).ProbeAsync(Buckets.Videos, Fixtures.SixShots);

        Assert.Equal((1280, 720), (probe.Width, probe.Height));
        Assert.Equal(25, probe.FramesPerSecond, 3);
        Assert.Equal(450, probe.EstimatedFrameCount);
        Assert.Equal(18, probe.DurationSeconds, 1);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal(0, probe.RotationDegrees);
    }

    [SharedDataFact]
    public async Task Probing_the_fence_video_reports_1080p_at_ntsc_film_rate()
    {
        var probe = await ProberFor(_shared).ProbeAsync(Buckets.Videos, Fixtures.Fence);

        Assert.Equal((1920, 1080), (probe.Width, probe.Height));
        Assert.Equal(24000.0 / 1001, probe.FramesPerSecond, 3);
    }

    [SharedDataFact]
    public async Task Probing_the_people_video_reports_768x432_at_10_fps()
    {
        var probe = await ProberFor(_shared).ProbeAsync(Buckets.Videos, Fixtures.People);

        Assert.Equal((768, 432), (probe.Width, probe.Height));
        Assert.Equal(10, probe.FramesPerSecond, 3);
        Assert.Equal(1394, probe.EstimatedFrameCount);
    }

    [SharedDataFact]
    public async Task A_video_cut_to_its_first_30_percent_without_its_index_is_rejected_as_unreadable()
    {
        // six-shots keeps its index (moov) at the end, so its head alone is not a readable file.
        var bytes = await File.ReadAllBytesAsync(SharedData.Video(Fixtures.SixShots));
        await File.WriteAllBytesAsync(_scratch.VideoPath("truncated.mp4"), bytes[..(bytes.Length * 30 / 100)]);

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "truncated.mp4"));

        Assert.StartsWith("ffprobe could not read the file: ", rejected.Reason);
        Assert.DoesNotContain(_scratch.Root, rejected.Reason);
    }

    [Fact]
    public async Task A_text_file_named_mp4_is_rejected_as_unreadable()
    {
        await File.WriteAllTextAsync(_scratch.VideoPath("notes.mp4"), "this is not a video\n");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "notes.mp4"));

        Assert.Contains("ffprobe could not read the file", rejected.Reason);
        Assert.Contains("Invalid data", rejected.Reason);
    }

    [Fact]
    public async Task A_zero_byte_file_is_rejected_as_empty()
    {
        await File.WriteAllBytesAsync(_scratch.VideoPath("empty.mp4"), []);

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "empty.mp4"));

        Assert.Equal("the file is empty", rejected.Reason);
    }

    [Fact]
    public async Task An_audio_only_file_is_rejected_for_having_no_video_stream()
    {
        Ffmpeg.Generate(_scratch.VideoPath("tone.mp4"), "-f", "lavfi", "-i", "sine=frequency=440:duration=1");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "tone.mp4"));

        Assert.Equal("the file has no video stream", rejected.Reason);
    }

    [Fact]
    public async Task A_one_by_one_pixel_video_is_rejected_as_too_small()
    {
        // lavfi's color source refuses 1x1 itself, so scale a 16x16 one down; 4:4:4 lets x264 encode odd sizes.
        Ffmpeg.Generate(_scratch.VideoPath("dot.mp4"), "-f", "lavfi", "-i", "color=c=red:s=16x16:d=1,scale=1:1", "-pix_fmt", "yuv444p");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "dot.mp4"));

        Assert.Contains("too small (1x1)", rejected.Reason);
    }

    [Fact]
    public async Task A_video_larger_than_the_configured_limit_is_rejected_as_too_large()
    {
        Ffmpeg.Generate(_scratch.VideoPath("wide.mp4"), "-f", "lavfi", "-i", "color=c=blue:s=640x64:d=1");
        var prober = new FfprobeVideoProber(_scratch.Store, new MediaTools(), new MediaLimits { MaxWidth = 320 });

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => prober.ProbeAsync(Buckets.Videos, "wide.mp4"));

        Assert.Contains("too large (640x64)", rejected.Reason);
    }

    [Fact]
    public async Task A_missing_object_is_reported_as_not_found()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "gone.mp4"));
    }

    [Fact]
    public async Task A_key_that_climbs_out_of_its_bucket_is_refused_before_ffprobe_runs()
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => ProberFor(_scratch).ProbeAsync(Buckets.Videos, "../etc/passwd"));
    }

    public void Dispose()
    {
        _shared.Dispose();
        _scratch.Dispose();
    }
}
