using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class AdaptiveShotDetectorTests
{
    static List<FrameSignal> Scores(params float[] scores) =>
        scores.Select((s, i) => new FrameSignal(i, i / 25.0, i == 0 ? 0 : s, 100)).ToList();

    static float[] Flat(int frames, float score) => Enumerable.Repeat(score, frames).ToArray();

    // Every frame measured, as ffmpeg's signals are.
    static FrameSignals Signals(List<FrameSignal> frames) => new(25, 12, frames.Count, frames, []);

    static readonly StoredObject Video = new(Buckets.Videos, "clip.mp4", 1, "x");

    readonly AdaptiveShotDetector _detector = new(new ShotDetectionOptions());

    [Fact]
    public void A_lone_spike_far_above_its_neighbours_is_a_cut()
    {
        var scores = Flat(60, 2);
        scores[30] = 40;

        Assert.Equal([30L], _detector.FindCuts(Scores(scores)));
    }

    [Fact]
    public void A_fast_pan_that_scores_high_on_every_frame_is_not_a_cut()
    {
        Assert.Empty(_detector.FindCuts(Scores(Flat(60, 30))));
    }

    [Fact]
    public void A_spike_below_the_content_floor_is_not_a_cut_even_over_still_neighbours()
    {
        var scores = Flat(60, 0);
        scores[30] = 10;

        Assert.Empty(_detector.FindCuts(Scores(scores)));
    }

    [Fact]
    public void Two_spikes_closer_than_the_minimum_shot_keep_only_the_first()
    {
        var scores = Flat(80, 1);
        scores[30] = 50;
        scores[36] = 50;

        Assert.Equal([30L], _detector.FindCuts(Scores(scores)));
    }

    [Fact]
    public async Task Shots_tile_the_frames_without_gaps()
    {
        var scores = Flat(60, 2);
        scores[20] = 40;
        scores[40] = 40;

        var shots = await _detector.DetectShotsAsync(Guid.NewGuid(), Video, Signals(Scores(scores)));

        Assert.Equal([new Shot(0, 19), new Shot(20, 39), new Shot(40, 59)], shots);
    }

    [Fact]
    public async Task Over_signals_of_every_fifteenth_frame_a_cut_lands_on_the_first_sampled_frame_after_it_and_the_last_shot_reaches_the_videos_end()
    {
        // A sampler's signals: frames 0, 15 ... 285 of a 300-frame video, the picture changing between 150 and 165.
        var sampled = Enumerable.Range(0, 20)
            .Select(i => new FrameSignal(i * 15L, i * 0.6, i == 0 ? 0 : i == 11 ? 60 : 4, 100)).ToList();

        var shots = await _detector.DetectShotsAsync(Guid.NewGuid(), Video, new FrameSignals(25, 15, 300, sampled, [.. sampled.Select(f => f.FrameNumber)]));

        Assert.Equal([new Shot(0, 164), new Shot(165, 299)], shots);
    }

    [Fact]
    public void Two_sampled_cuts_one_sample_apart_are_a_minimum_shot_apart_in_frames()
    {
        // 15 frames apart is MinShotFrames: the second spike is far enough away in frames though it is the next signal.
        var sampled = Enumerable.Range(0, 20)
            .Select(i => new FrameSignal(i * 15L, i * 0.6, i == 0 ? 0 : i is 8 or 9 ? 60 : 2, 100)).ToList();

        Assert.Equal([120L, 135L], _detector.FindCuts(sampled));
    }

    [Fact]
    public async Task A_video_without_cuts_is_one_shot()
    {
        Assert.Equal([new Shot(0, 59)], await _detector.DetectShotsAsync(Guid.NewGuid(), Video, Signals(Scores(Flat(60, 3)))));
    }
}
