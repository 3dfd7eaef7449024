using ShoppableVideo.Consumers.Segments;

namespace ShoppableVideo.Consumers.Tests.Segments;

public sealed class ContentScorerTests
{
    static byte[] Solid(int pixels, byte r, byte g, byte b) =>
        Enumerable.Range(0, pixels).SelectMany(_ => new[] { r, g, b }).ToArray();

    [Fact]
    public void Identical_frames_score_zero()
    {
        var frame = Solid(128 * 72, 10, 200, 30);

        Assert.Equal(0, ContentScorer.Between(frame, frame));
    }

    [Fact]
    public void Black_to_white_scores_the_mean_of_the_value_change_over_three_channels()
    {
        // Black and white have H = S = 0; only V moves, by 255, so the mean over H, S, V is 85.
        Assert.Equal(85, ContentScorer.Between(Solid(100, 0, 0, 0), Solid(100, 255, 255, 255)), 6);
    }

    [Fact]
    public void Red_to_blue_moves_only_hue_as_opencv_measures_it()
    {
        // OpenCV 8-bit hue: red 0, blue 120; S and V are 255 for both.
        Assert.Equal(40, ContentScorer.Between(Solid(50, 255, 0, 0), Solid(50, 0, 0, 255)), 6);
    }

    [Fact]
    public void The_simd_difference_matches_a_plain_loop_on_odd_lengths()
    {
        var random = new Random(7);
        var a = new byte[9217 * 3];
        var b = new byte[a.Length];
        random.NextBytes(a);
        random.NextBytes(b);

        var expected = a.Zip(b, (x, y) => (double)Math.Abs(x - y)).Average();

        Assert.Equal(expected, ContentScorer.MeanAbsoluteDifference(a, b), 9);
    }
}
