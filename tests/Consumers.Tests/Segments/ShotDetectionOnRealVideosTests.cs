using System.Text.Json;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Tests.Support;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class ShotDetectionOnRealVideosTests(ExtractedVideos videos, ITestOutputHelper output) : IClassFixture<ExtractedVideos>
{
    readonly AdaptiveShotDetector _detector = new(new ShotDetectionOptions());

    [SharedDataFact]
    public async Task The_six_shot_video_is_cut_exactly_where_its_ground_truth_says()
    {
        var expected = ExpectedCuts();
        var (_, _, extraction) = await videos.ExtractAsync(Fixtures.SixShots);

        var cuts = _detector.FindCuts(extraction.Signals.Frames);

        output.WriteLine($"expected {string.Join(",", expected)}; found {string.Join(",", cuts)}");
        Assert.Equal(expected.Count, cuts.Count);
        foreach (var (want, got) in expected.Zip(cuts))
            Assert.InRange(got, want - 1, want + 1);
    }

    [SharedDataFact]
    public async Task The_one_shot_fence_video_has_no_cut()
    {
        var (_, _, extraction) = await videos.ExtractAsync(Fixtures.Fence);

        Assert.Empty(_detector.FindCuts(extraction.Signals.Frames));
    }

    [SharedDataFact]
    public async Task The_continuous_people_video_stays_one_shot_while_people_walk_in_and_out()
    {
        var (_, _, extraction) = await videos.ExtractAsync(Fixtures.People);

        var cuts = _detector.FindCuts(extraction.Signals.Frames);

        output.WriteLine($"cuts: [{string.Join(",", cuts)}]");
        Assert.Empty(cuts);
    }

    [SharedDataFact]
    public async Task Every_decoded_frame_has_a_signal_and_candidates_are_every_kth_frame()
    {
        var (_, probe, extraction) = await videos.ExtractAsync(Fixtures.SixShots);
        var signals = extraction.Signals;

        Assert.Equal(probe.EstimatedFrameCount, signals.Frames.Count);
        Assert.Equal(Enumerable.Range(0, signals.Frames.Count).Select(i => (long)i), signals.Frames.Select(f => f.FrameNumber));
        Assert.Equal(3.0, signals.Frames[75].Seconds, 6);
        Assert.All(signals.CandidateFrames, f => Assert.Equal(0, f % signals.CandidateInterval));
        Assert.Equal((signals.Frames.Count + signals.CandidateInterval - 1) / signals.CandidateInterval, signals.CandidateFrames.Count);
        Assert.All(extraction.CandidateKeys, key => Assert.True(File.Exists(videos.Store.Store.GetMediaLocation("output", key)), key));
    }

    static IReadOnlyList<long> ExpectedCuts()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(SharedData.Video("six-shots-hard-cuts.cuts.json")));
        return json.RootElement.GetProperty("cuts_frame_index_first_frame_of_new_shot").EnumerateArray().Select(e => e.GetInt64()).ToList();
    }
}
