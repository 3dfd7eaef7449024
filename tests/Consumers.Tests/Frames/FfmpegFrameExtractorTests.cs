using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Frames;

public sealed class FfmpegFrameExtractorTests : IDisposable
{
    readonly TempStore _scratch = new();

    FfmpegFrameExtractor Extractor => new(_scratch.Store, new MediaTools(), new FrameExtractionOptions());

    Task<VideoProbe> ProbeAsync(string key) => new FfprobeVideoProber(_scratch.Store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, key);

    static StoredObject Video(string key) => new(Buckets.Videos, key, 0, "");

    [SharedDataFact]
    public async Task A_video_cut_short_with_its_index_up_front_fails_saying_how_much_of_it_decoded()
    {
        // The fence video is "fast start" (index first), so its head probes as the whole length and
        // decodes up to the cut.
        var bytes = await File.ReadAllBytesAsync(SharedData.Video(Fixtures.Fence));
        await File.WriteAllBytesAsync(_scratch.VideoPath("head.mp4"), bytes[..(bytes.Length * 30 / 100)]);
        var probe = await ProbeAsync("head.mp4");

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => Extractor.ExtractAsync(Guid.NewGuid(), Video("head.mp4"), probe));

        Assert.StartsWith("the video is cut short: it decodes for ", rejected.Reason);
        Assert.Contains(FormattableString.Invariant($"of the {probe.DurationSeconds:0.##} s its header promises"), rejected.Reason);
    }

    [Theory]
    [InlineData(18.0, 2.36, true)]   // the case: 13% decoded
    [InlineData(4.21, 3.0, true)]    // over a second missing from a short clip
    [InlineData(4.21, 3.4, false)]   // within a second: rounding of a short clip's length
    [InlineData(120, 109, false)]    // within 10% of a long one
    [InlineData(120, 100, true)]
    [InlineData(2, 2.2, false)]      // more than promised is not short
    public void A_video_counts_as_cut_short_only_beyond_a_second_or_a_tenth_of_its_length(double probed, double decoded, bool cutShort)
    {
        Assert.Equal(cutShort, FfmpegFrameExtractor.CutShort(decoded, probed) is not null);
    }

    [Fact]
    public async Task A_variable_rate_videos_frames_are_timed_by_their_presentation_times()
    {
        Ffmpeg.GenerateVariableRate(_scratch.VideoPath("vfr.mp4"));
        var probe = await ProbeAsync("vfr.mp4");

        var frames = (await Extractor.ExtractAsync(Guid.NewGuid(), Video("vfr.mp4"), probe)).Signals.Frames;

        // x264 keeps 79 of the 80 frames; what matters is each frame's own time.
        var gaps = frames.Zip(frames.Skip(1), (a, b) => b.Seconds - a.Seconds).ToList();
        var firstSlow = frames.First(f => f.Seconds >= 2.0 - 0.001);
        Assert.Equal(2.0, firstSlow.Seconds, 0.01);
        Assert.All(gaps.Take((int)firstSlow.FrameNumber - 1), gap => Assert.Equal(1 / 30.0, gap, 0.002));
        Assert.All(gaps.Skip((int)firstSlow.FrameNumber), gap => Assert.Equal(0.2, gap, 0.002));
        Assert.Equal(5.6, frames[^1].Seconds, 0.01);
    }

    [Fact]
    public async Task A_phone_video_stored_sideways_is_probed_at_its_upright_size_and_its_frames_are_kept_upright()
    {
        Ffmpeg.Generate(_scratch.VideoPath("stored.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=1", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        // A quarter turn in the container's display matrix, the way a phone records portrait video.
        Ffmpeg.Generate(_scratch.VideoPath("portrait.mp4"), "-i", _scratch.VideoPath("stored.mp4"), "-c", "copy", "-metadata:s:v:0", "rotate=90");
        var probe = await ProbeAsync("portrait.mp4");

        var extraction = await Extractor.ExtractAsync(Guid.NewGuid(), Video("portrait.mp4"), probe);

        Assert.Equal((320, 180, 90), (probe.Width, probe.Height, probe.RotationDegrees));
        Assert.Equal((180, 320), (probe.DisplayWidth, probe.DisplayHeight));
        await using var candidate = await _scratch.Store.OpenReadAsync(Buckets.Output, extraction.CandidateKeys[0]);
        var frame = await RawFrameFormat.ReadAsync(candidate);
        Assert.Equal((180, 320), (frame.Width, frame.Height));
    }

    [Fact]
    public async Task A_file_that_decodes_no_frame_is_rejected_with_ffmpegs_reason()
    {
        await File.WriteAllTextAsync(_scratch.VideoPath("fake.mp4"), "not a video at all\n");
        var probe = new VideoProbe(1, 25, 64, 64, "h264", 0, 25);

        var rejected = await Assert.ThrowsAsync<MediaRejectedException>(() => Extractor.ExtractAsync(Guid.NewGuid(), Video("fake.mp4"), probe));

        Assert.StartsWith("ffmpeg could not decode any frame: ", rejected.Reason);
        Assert.DoesNotContain(_scratch.Root, rejected.Reason);
    }

    [Fact]
    public async Task Progress_rises_to_the_end_and_the_artifacts_land_under_the_videos_folder()
    {
        Ffmpeg.Generate(_scratch.VideoPath("bars.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=4");
        var probe = await ProbeAsync("bars.mp4");
        var videoId = Guid.NewGuid();
        var reports = new List<double>();

        var extraction = await Extractor.ExtractAsync(videoId, Video("bars.mp4"), probe, f => { reports.Add(f); return Task.CompletedTask; });

        Assert.Equal(100, extraction.FramesDecoded);
        Assert.Equal(reports.Order(), reports);
        Assert.InRange(reports.Count, 10, 100);
        Assert.Equal(1.0, reports[^1], 3);
        Assert.Equal($"videos/{videoId:N}/frame-signals.bin", extraction.FrameSignalsKey);
        Assert.Contains($"videos/{videoId:N}/candidates/{extraction.Signals.CandidateInterval:D6}.bgr", extraction.CandidateKeys);

        await using var stored = await _scratch.Store.OpenReadAsync(Buckets.Output, extraction.FrameSignalsKey);
        var roundTripped = FrameSignalsFormat.Read(stored);
        Assert.Equal(extraction.Signals.Frames, roundTripped.Frames);
        Assert.Equal(extraction.Signals.CandidateFrames, roundTripped.CandidateFrames);
        Assert.Equal(extraction.Signals.FrameCount, roundTripped.FrameCount);
    }

    [Fact]
    public async Task Candidates_are_raw_bgr_frames_scaled_to_the_analysis_size()
    {
        Ffmpeg.Generate(_scratch.VideoPath("bars.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2");
        var probe = await ProbeAsync("bars.mp4");
        var extractor = new FfmpegFrameExtractor(_scratch.Store, new MediaTools(), new FrameExtractionOptions { AnalysisMaxSide = 160 });

        var extraction = await extractor.ExtractAsync(Guid.NewGuid(), Video("bars.mp4"), probe);

        Assert.Equal(extraction.Signals.CandidateFrames.Count, extraction.CandidateKeys.Count);
        Assert.All(extraction.CandidateKeys, key => Assert.EndsWith(".bgr", key));
        foreach (var key in extraction.CandidateKeys)
        {
            await using var stored = await _scratch.Store.OpenReadAsync(Buckets.Output, key);
            Assert.Equal(RawFrameFormat.HeaderLength + 160 * 90 * 3, stored.Length);
            var image = await RawFrameFormat.ReadAsync(stored);
            Assert.Equal((160, 90), (image.Width, image.Height));
            // testsrc2 is colourful everywhere: a frame of one flat value would mean a wrong offset or size.
            Assert.True(image.Pixels.Distinct().Count() > 64);
        }
    }

    [Fact]
    public async Task Extracting_twice_writes_the_same_keys()
    {
        Ffmpeg.Generate(_scratch.VideoPath("bars.mp4"), "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25:d=2");
        var probe = await ProbeAsync("bars.mp4");
        var videoId = Guid.NewGuid();

        var first = await Extractor.ExtractAsync(videoId, Video("bars.mp4"), probe);
        var filesAfterFirst = _scratch.OutputFiles();
        var second = await Extractor.ExtractAsync(videoId, Video("bars.mp4"), probe);

        Assert.Equal(first.CandidateKeys, second.CandidateKeys);
        Assert.Equal(filesAfterFirst.Order(), _scratch.OutputFiles().Order());
    }

    public void Dispose() => _scratch.Dispose();
}
