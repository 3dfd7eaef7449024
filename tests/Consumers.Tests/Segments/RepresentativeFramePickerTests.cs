using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class RepresentativeFramePickerTests
{
    const double Fps = 25;
    const int Interval = 12;

    static FrameSignals Signals(int frames, Func<int, float> sharpness) => new(
        Fps,
        Interval,
        frames,
        Enumerable.Range(0, frames).Select(i => new FrameSignal(i, i / Fps, 1, sharpness(i))).ToList(),
        Enumerable.Range(0, frames).Where(i => i % Interval == 0).Select(i => (long)i).ToList());

    readonly RepresentativeFramePicker _picker = new(new RepresentativeFrameOptions());

    [Fact]
    public void A_short_shot_gets_three_frames_spread_across_it_each_the_sharpest_of_its_windows_middle_half()
    {
        // Windows 0..24, 25..49, 50..74; their middle halves hold 12, 36 and 60. Frame 0 is the sharpest of
        // all but sits on the cut, and frame 48 is sharper than 36 but outside its window's middle half.
        var signals = Signals(75, i => i switch { 0 => 999, 48 => 80, 36 => 50, _ => 10 });

        var picks = _picker.Pick(new Shot(0, 74), signals);

        Assert.Equal([12L, 36L, 60L], picks.Select(p => p.FrameNumber));
    }

    [Fact]
    public void A_shot_with_no_candidate_in_its_middle_half_gets_the_candidate_nearest_its_middle()
    {
        var signals = Signals(100, _ => 10);

        var picks = _picker.Pick(new Shot(13, 24), signals);

        Assert.Equal([24L], picks.Select(p => p.FrameNumber));
    }

    [Fact]
    public void A_long_shot_gets_one_frame_per_three_seconds_all_inside_the_shot()
    {
        var signals = Signals(25 * 20, i => i % 7);
        var shot = new Shot(10, 25 * 20 - 1);

        var picks = _picker.Pick(shot, signals);

        Assert.Equal(7, picks.Count); // 19.6 s
        Assert.All(picks, p => Assert.InRange(p.FrameNumber, shot.StartFrame, shot.EndFrame));
        Assert.Equal(picks.Select(p => p.FrameNumber).Distinct().Order(), picks.Select(p => p.FrameNumber));
    }

    [Fact]
    public void Over_signals_of_the_candidates_alone_the_picks_are_the_same()
    {
        // A sampler measures only the candidates (every 12th frame); the rest of the 20 s are unmeasured.
        var dense = Signals(25 * 20, i => i % 7);
        var sparse = dense with { Frames = [.. dense.Frames.Where(f => f.FrameNumber % Interval == 0)] };
        var shot = new Shot(10, 25 * 20 - 1);

        Assert.Equal(_picker.Pick(shot, dense), _picker.Pick(shot, sparse));
        Assert.Equal(dense.EndSecondsOf(shot.EndFrame), sparse.EndSecondsOf(shot.EndFrame), 9);
        Assert.Equal(dense.StartSecondsOf(shot.StartFrame), sparse.StartSecondsOf(shot.StartFrame), 9);
    }
}
