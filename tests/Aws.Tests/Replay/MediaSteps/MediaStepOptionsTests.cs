using System.Text.Json;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Replay.MediaSteps;

/// <summary>Each media step option of the aws profile, driven through the real video saga on the six-shot
/// video (25 fps, 450 frames, hard cuts every 3 s), with MediaConvert and Rekognition answered by stand-ins.</summary>
public sealed class MediaStepOptionsTests
{
    const double Fps = 25;
    const long FrameCount = 450;
    // One candidate a second at 25 fps, capped at 15 frames (FrameExtractionOptions): capture i is frame 15 i.
    const int Interval = 15;
    static readonly long[] RealCuts = [0, 75, 150, 225, 300, 375];
    // Shots the Rekognition stand-in reports, on purpose not the video's real cuts, so the segments can only
    // have come from it.
    static readonly long[] RekognitionShots = [0, 100, 250];

    static string Video => SharedData.Video(Fixtures.SixShots);

    [SharedDataFact]
    public async Task With_mediaconvert_frames_are_the_jobs_captures_and_the_in_process_detector_finds_the_cuts_among_them()
    {
        await using var bench = await MediaStepsBench.StartAsync(AwsMediaSteps.MediaConvert, AwsMediaSteps.InProcess);

        var video = await bench.DropVideoAsync(Video);
        var completed = Assert.IsType<VideoProcessingCompleted>(await bench.OutcomeAsync(video.VideoId));

        // One job, asking for a capture every 15 frames (25/15 = 5/3 a second) of the video in its S3 bucket.
        var job = Assert.Single(bench.MediaConvert.CreateJobRequests);
        Assert.Equal($"s3://acme-videos/{Path.GetFileName(Video)}", (string?)job["settings"]!["inputs"]![0]!["fileInput"]);
        var capture = job["settings"]!["outputGroups"]![0]!["outputs"]![0]!["videoDescription"]!["codecSettings"]!["frameCaptureSettings"]!;
        Assert.Equal((5, 3), ((int)capture["framerateNumerator"]!, (int)capture["framerateDenominator"]!));
        // The job at 50 % (the stand-in's first answer) is the step's progress, so the saga sees it alive.
        Assert.Contains(bench.AllPublished<VideoStepProgressed>(video.VideoId, m => m.VideoId),
            p => p.Step == VideoStepNames.ExtractFrames && p.Percent == 40);

        // One signal per capture, at capture index * interval / fps; every capture kept as a candidate.
        var captures = await CapturesAsync(bench.Store, video.VideoId);
        var signals = await SignalsAsync(bench.Store, video.VideoId);
        Assert.Equal(captures.Count, signals.Frames.Count);
        Assert.Equal(Enumerable.Range(0, captures.Count).Select(i => (long)i * Interval), signals.Frames.Select(f => f.FrameNumber));
        Assert.All(signals.Frames, f => Assert.Equal(f.FrameNumber / Fps, f.Seconds, 9));
        Assert.Equal(FrameCount, signals.FrameCount);
        Assert.All(signals.Frames.Skip(1), f => Assert.True(f.Sharpness > 0, $"capture at frame {f.FrameNumber} has no sharpness"));

        // Every real cut falls on a capture here, so the detector over the captures finds each exactly.
        var segments = bench.Published<SegmentsDetected>(video.VideoId, m => m.VideoId).Segments;
        Assert.Equal(RealCuts, segments.Select(s => s.StartFrame));
        await AssertTilingWithFramesInsideAsync(bench.Store, segments);
        Assert.All(segments.SelectMany(s => s.Frames), f => Assert.Equal(0, f.FrameNumber % Interval));
        await AssertDocumentAsync(bench.Store, completed, segments.Count);
    }

    [SharedDataTheory]
    [InlineData(AwsMediaSteps.Ffmpeg)]
    [InlineData(AwsMediaSteps.MediaConvert)]
    public async Task With_rekognition_the_segments_are_its_shots_and_their_frames_are_picked_among_the_frame_steps_candidates(string frameExtraction)
    {
        var rekognition = new RekognitionStandIn(Fps, RekognitionShots, FrameCount);
        await using var bench = await MediaStepsBench.StartAsync(frameExtraction, AwsMediaSteps.Rekognition, rekognition);

        var video = await bench.DropVideoAsync(Video);
        var completed = Assert.IsType<VideoProcessingCompleted>(await bench.OutcomeAsync(video.VideoId));

        var start = Assert.Single(rekognition.StartRequests);
        Assert.Equal(("acme-videos", Path.GetFileName(Video)), ((string?)start["Video"]!["S3Object"]!["Bucket"], (string?)start["Video"]!["S3Object"]!["Name"]));
        // The analysis still running (the stand-in's first answer) kept the step alive for the saga.
        Assert.Contains(bench.AllPublished<VideoStepProgressed>(video.VideoId, m => m.VideoId), p => p.Step == VideoStepNames.DetectSegments);
        var segments = bench.Published<SegmentsDetected>(video.VideoId, m => m.VideoId).Segments;
        Assert.Equal([(0L, 99L, 0.0, 4.0), (100, 249, 4, 10), (250, 449, 10, 18)],
            segments.Select(s => (s.StartFrame, s.EndFrame, Math.Round(s.StartSeconds, 6), Math.Round(s.EndSeconds, 6))));
        await AssertTilingWithFramesInsideAsync(bench.Store, segments);
        // Candidates are every 15th frame whichever step made them; MediaConvert made no frames when not asked.
        Assert.All(segments.SelectMany(s => s.Frames), f => Assert.Equal(0, f.FrameNumber % Interval));
        Assert.Equal(frameExtraction == AwsMediaSteps.MediaConvert ? 1 : 0, bench.MediaConvert.CreateJobRequests.Count);
        await AssertDocumentAsync(bench.Store, completed, 3);
    }

    [SharedDataFact]
    public async Task A_mediaconvert_job_that_ends_in_error_fails_the_video_at_extract_frames_with_mediaconverts_reason()
    {
        await using var bench = await MediaStepsBench.StartAsync(AwsMediaSteps.MediaConvert, AwsMediaSteps.InProcess,
            mediaConvertFailure: (1030, "Unsupported codec in input: [prores]"));

        var video = await bench.DropVideoAsync(Video);
        var failed = Assert.IsType<VideoProcessingFailed>(await bench.OutcomeAsync(video.VideoId));

        Assert.Equal(VideoStepNames.ExtractFrames, failed.Step);
        Assert.Contains("Unsupported codec in input: [prores]", failed.Reason);
        Assert.Contains("1030", failed.Reason);
        Assert.False(await bench.Store.ExistsAsync(Buckets.Output, VideoArtifactKeys.FrameSignals(video.VideoId)));
    }

    [SharedDataFact]
    public async Task A_rekognition_analysis_that_fails_fails_the_video_at_detect_segments_with_rekognitions_message()
    {
        var rekognition = new RekognitionStandIn(Fps, RekognitionShots, FrameCount) { FailWith = "Unsupported codec/format." };
        await using var bench = await MediaStepsBench.StartAsync(AwsMediaSteps.Ffmpeg, AwsMediaSteps.Rekognition, rekognition);

        var video = await bench.DropVideoAsync(Video);
        var failed = Assert.IsType<VideoProcessingFailed>(await bench.OutcomeAsync(video.VideoId));

        Assert.Equal(VideoStepNames.DetectSegments, failed.Step);
        Assert.Contains("Unsupported codec/format.", failed.Reason);
    }

    [Theory]
    [InlineData("gpu", AwsMediaSteps.InProcess, "FrameExtraction")]
    [InlineData(AwsMediaSteps.Ffmpeg, "scenedetect", "ShotDetection")]
    public void A_step_setting_that_names_no_adapter_is_refused_at_start_up(string frameExtraction, string shotDetection, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new AwsMediaSteps { FrameExtraction = frameExtraction, ShotDetection = shotDetection }.Validated());

        Assert.Contains($"Steps:{named}", error.Message);
    }

    [Fact]
    public void MediaConvert_without_a_role_to_run_as_is_refused_at_start_up()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AwsMediaSteps { FrameExtraction = AwsMediaSteps.MediaConvert }.Validated());

        Assert.Contains("MediaConvertRoleArn", error.Message);
    }

    // Segments indexed 0.. tile the timeline to the video's end; every representative frame lies inside its
    // segment and is stored as a raw frame at analysis size.
    static async Task AssertTilingWithFramesInsideAsync(FolderObjectStore store, IReadOnlyList<Segment> segments)
    {
        Assert.Equal(Enumerable.Range(0, segments.Count), segments.Select(s => s.Index));
        Assert.Equal(0, segments[0].StartFrame);
        Assert.Equal(FrameCount - 1, segments[^1].EndFrame);
        Assert.Equal(18.0, segments[^1].EndSeconds, 6);
        for (var i = 1; i < segments.Count; i++)
        {
            Assert.Equal(segments[i - 1].EndFrame + 1, segments[i].StartFrame);
            Assert.Equal(segments[i - 1].EndSeconds, segments[i].StartSeconds, 9);
        }
        foreach (var segment in segments)
        {
            Assert.NotEmpty(segment.Frames);
            foreach (var frame in segment.Frames)
            {
                Assert.InRange(frame.FrameNumber, segment.StartFrame, segment.EndFrame);
                Assert.InRange(frame.Seconds, segment.StartSeconds, segment.EndSeconds);
                await using var raw = await store.OpenReadAsync(Buckets.Output, frame.ArtifactKey);
                var image = await RawFrameFormat.ReadAsync(raw);
                Assert.Equal((640, 360), (image.Width, image.Height));
            }
        }
    }

    static async Task AssertDocumentAsync(FolderObjectStore store, VideoProcessingCompleted completed, int segments)
    {
        Assert.Equal(segments, completed.SegmentCount);
        await using var stored = await store.OpenReadAsync(Buckets.Output, completed.DocumentKey);
        using var document = await JsonDocument.ParseAsync(stored);
        Assert.Equal(segments, document.RootElement.GetProperty("segments").GetArrayLength());
    }

    static async Task<List<string>> CapturesAsync(FolderObjectStore store, Guid videoId)
    {
        var captures = new List<string>();
        await foreach (var key in store.ListAsync(Buckets.Output, MediaConvertJobSettings.Folder(videoId)))
            if (key.EndsWith(".jpg", StringComparison.Ordinal))
                captures.Add(key);
        return captures;
    }

    static async Task<FrameSignals> SignalsAsync(FolderObjectStore store, Guid videoId)
    {
        await using var stored = await store.OpenReadAsync(Buckets.Output, VideoArtifactKeys.FrameSignals(videoId));
        using var buffer = new MemoryStream();
        await stored.CopyToAsync(buffer);
        buffer.Position = 0;
        return FrameSignalsFormat.Read(buffer);
    }
}
