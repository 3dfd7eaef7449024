using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class AdaptiveShotDetectorTests
{
    static List<FrameSignal> Scores(params float[] scores) =>
        scores.Select((s, i) => new FrameSignal(i, i / 25.0, i == 0 ? 0 : s, 100)).ToList();

    static float[] Flat(int frames, float score) => Enumerable.Repeat(score, frames).ToArray();

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
    public void Shots_tile_the_frames_without_gaps()
    {
        var scores = Flat(60, 2);
        scores[20] = 40;
        scores[40] = 40;

        var shots = _detector.DetectShots(Scores(scores));

        Assert.Equal([new Shot(0, 19), new Shot(20, 39), new Shot(40, 59)], shots);
    }

    [Fact]
    public void A_video_without_cuts_is_one_shot()
    {
        Assert.Equal([new Shot(0, 59)], _detector.DetectShots(Scores(Flat(60, 3))));
    }
}
