using MassTransit.Testing;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class MediaConsumersTests : IDisposable
{
    readonly TempStore _store = new(linkSharedVideos: SharedData.Folder is not null);
    readonly TempStore _scratch = new();

    [Fact]
    public async Task Probing_a_text_file_fails_the_probe_step_with_a_reason()
    {
        await File.WriteAllTextAsync(_scratch.VideoPath("notes.mp4"), "hello\n");
        await using var media = await MediaHarness.StartAsync(_scratch.Store);
        var videoId = Guid.NewGuid();

        await media.Harness.Bus.Publish(new ProbeVideo(videoId, new StoredObject(Buckets.Videos, "notes.mp4", 6, "x")));

        var failed = await media.PublishedAsync<VideoStepFailed>(videoId, m => m.VideoId);
        Assert.Equal(VideoStepNames.Probe, failed.Step);
        Assert.Contains("ffprobe could not read the file", failed.Reason);
    }

    [Fact]
    public async Task Probing_an_object_that_vanished_says_so()
    {
        await using var media = await MediaHarness.StartAsync(_scratch.Store);
        var videoId = Guid.NewGuid();

        await media.Harness.Bus.Publish(new ProbeVideo(videoId, new StoredObject(Buckets.Videos, "gone.mp4", 6, "x")));

        var failed = await media.PublishedAsync<VideoStepFailed>(videoId, m => m.VideoId);
        Assert.Equal("the object no longer exists", failed.Reason);
    }

    [Fact]
    public async Task Extracting_frames_from_a_file_that_is_not_a_video_fails_the_extract_step()
    {
        await File.WriteAllTextAsync(_scratch.VideoPath("notes.mp4"), "hello\n");
        await using var media = await MediaHarness.StartAsync(_scratch.Store);
        var videoId = Guid.NewGuid();

        await media.Harness.Bus.Publish(new ExtractFrames(videoId, new StoredObject(Buckets.Videos, "notes.mp4", 6, "x"), new VideoProbe(1, 25, 64, 64, "h264", 0, 25)));

        var failed = await media.PublishedAsync<VideoStepFailed>(videoId, m => m.VideoId);
        Assert.Equal(VideoStepNames.ExtractFrames, failed.Step);
        Assert.StartsWith("ffmpeg could not decode any frame", failed.Reason);
    }

    [SharedDataFact]
    public async Task The_six_shot_video_goes_through_probe_extract_and_segments_with_a_frame_inside_every_shot()
    {
        var (videoId, segments, progress) = await RunAllStepsAsync(Fixtures.SixShots);

        Assert.Equal(6, segments.Count);
        Assert.Equal([0L, 75, 150, 225, 300, 375], segments.Select(s => s.StartFrame));
        Assert.Equal(449, segments[^1].EndFrame);
        Assert.Equal(3.0, segments[1].StartSeconds, 6);
        await AssertFramesInsideTheirShotsAndStoredAsync(videoId, segments);
        Assert.NotEmpty(progress);
        Assert.All(progress, p => Assert.InRange(p.Percent, 10, 90));
        Assert.True(progress.Count <= 9);
    }

    [SharedDataFact]
    public async Task The_long_continuous_shot_gets_several_representative_frames()
    {
        var (videoId, segments, _) = await RunAllStepsAsync(Fixtures.People);

        var shot = Assert.Single(segments);
        Assert.InRange(shot.Frames.Count, 40, 50); // 139 s at one frame per 3 s
        await AssertFramesInsideTheirShotsAndStoredAsync(videoId, segments);
    }

    [SharedDataFact]
    public async Task Detecting_segments_twice_gives_the_same_segments_and_keys()
    {
        var (videoId, first, _) = await RunAllStepsAsync(Fixtures.Fence);
        await using var media = await MediaHarness.StartAsync(_store.Store);

        await media.Harness.Bus.Publish(new DetectSegments(videoId, new StoredObject(Buckets.Videos, Fixtures.Fence, 1, "x"), new VideoProbe(4.3, 23.976, 1920, 1080, "h264", 0, 102), $"videos/{videoId:N}/frame-signals.bin"));
        var second = (await media.PublishedAsync<SegmentsDetected>(videoId, m => m.VideoId)).Segments;

        Assert.Equal(first.SelectMany(s => s.Frames), second.SelectMany(s => s.Frames));
        Assert.Equal(first.Select(s => (s.StartFrame, s.EndFrame)), second.Select(s => (s.StartFrame, s.EndFrame)));
    }

    [Fact]
    public async Task A_variable_rate_videos_shots_start_and_end_where_they_play()
    {
        Ffmpeg.GenerateVariableRate(_scratch.VideoPath("vfr.mp4"));

        var (_, segments, _) = await RunAllStepsAsync(_scratch.Store, "vfr.mp4");

        // Frame / average rate would put the cut near 4.4 s and the end near 5.5 s; the file lasts 5.8 s.
        Assert.Equal(2, segments.Count);
        Assert.Equal(2.0, segments[1].StartSeconds, 0.01);
        Assert.Equal(segments[0].EndSeconds, segments[1].StartSeconds);
        Assert.Equal(5.8, segments[1].EndSeconds, 0.01);
    }

    Task<(Guid VideoId, IReadOnlyList<Segment> Segments, List<VideoStepProgressed> Progress)> RunAllStepsAsync(string name) =>
        RunAllStepsAsync(_store.Store, name);

    static async Task<(Guid VideoId, IReadOnlyList<Segment> Segments, List<VideoStepProgressed> Progress)> RunAllStepsAsync(
        FolderObjectStore store, string name)
    {
        await using var media = await MediaHarness.StartAsync(store);
        var videoId = Guid.NewGuid();
        var video = new StoredObject(Buckets.Videos, name, new FileInfo(store.GetMediaLocation(Buckets.Videos, name)).Length, "x");

        await media.Harness.Bus.Publish(new ProbeVideo(videoId, video));
        var probe = (await media.PublishedAsync<VideoProbed>(videoId, m => m.VideoId)).Probe;
        await media.Harness.Bus.Publish(new ExtractFrames(videoId, video, probe));
        var extracted = await media.PublishedAsync<FramesExtracted>(videoId, m => m.VideoId);
        await media.Harness.Bus.Publish(new DetectSegments(videoId, video, probe, extracted.FrameSignalsKey));
        var detected = await media.PublishedAsync<SegmentsDetected>(videoId, m => m.VideoId);

        var progress = media.PublishedSoFar<VideoStepProgressed>().Where(m => m.VideoId == videoId).ToList();
        Assert.Empty(media.PublishedSoFar<VideoStepFailed>());
        return (videoId, detected.Segments, progress);
    }

    async Task AssertFramesInsideTheirShotsAndStoredAsync(Guid videoId, IReadOnlyList<Segment> segments)
    {
        foreach (var segment in segments)
        {
            Assert.NotEmpty(segment.Frames);
            foreach (var frame in segment.Frames)
            {
                Assert.InRange(frame.FrameNumber, segment.StartFrame, segment.EndFrame);
                Assert.Equal($"videos/{videoId:N}/frames/{frame.FrameNumber:D6}.bgr", frame.ArtifactKey);
                var path = _store.Store.GetMediaLocation(Buckets.Output, frame.ArtifactKey);
                Assert.True(File.Exists(path), frame.ArtifactKey);
                // A raw frame at analysis size: the shared videos are all 16:9 and wider than 640.
                var image = await new StoredVideoFrameReader(_store.Store).ReadAsync(frame);
                Assert.Equal((640, 360), (image.Width, image.Height));
            }
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _scratch.Dispose();
    }
}
