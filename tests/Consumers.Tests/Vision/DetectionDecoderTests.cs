using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class DetectionDecoderTests
{
    static readonly string[] Labels = ["person", "bicycle", "car"];

    [Fact]
    public void A_single_yolox_anchor_decodes_to_grid_plus_offset_times_stride()
    {
        // 32x32 input: stride 8 gives a 4x4 grid (16 anchors), stride 16 a 2x2 grid (4 anchors).
        const int width = 5 + 3;
        var data = new float[20 * width];
        var anchor = 16 + 3; // stride 16, cell (x=1, y=1)
        var at = anchor * width;
        (data[at], data[at + 1], data[at + 2], data[at + 3]) = (0.5f, 0.25f, MathF.Log(2), 0);
        (data[at + 4], data[at + 5 + 2]) = (0.9f, 0.8f);

        var found = new YoloxDecoder(32, 32, [8, 16], Labels).Decode([new FloatTensor(data, 1, 20, width)], 0.5f);

        var detection = Assert.Single(found);
        Assert.Equal((2, "car"), (detection.ClassId, detection.Label));
        Assert.Equal(0.72f, detection.Score, 4);
        // centre ((0.5+1)*16, (0.25+1)*16) = (24, 20); size (2*16, 1*16) = (32, 16)
        AssertBox(new PixelBox(8, 12, 40, 28), detection.Box);
    }

    [Fact]
    public void A_yolox_anchor_below_the_threshold_is_dropped()
    {
        var data = new float[20 * 8];
        (data[4], data[5]) = (0.6f, 0.5f); // 0.3 < 0.5
        Assert.Empty(new YoloxDecoder(32, 32, [8, 16], Labels).Decode([new FloatTensor(data, 1, 20, 8)], 0.5f));
    }

    [Fact]
    public void A_single_nanodet_anchor_decodes_its_distance_distributions_around_the_cell_centre()
    {
        // 32x32 input, strides 8 and 16, reg_max 3 (4 bins). Heads arrive in an order unlike the strides.
        const int bins = 4;
        var classes8 = new float[16 * 3];
        var boxes8 = new float[16 * 4 * bins];
        var classes16 = new float[4 * 3];
        var boxes16 = new float[4 * 4 * bins];
        var anchor = 2 * 4 + 1; // stride 8, cell (x=1, y=2): centre (12, 20)
        classes8[anchor * 3] = 0.9f;
        // A sharp distribution: left 1 bin, top 2, right 3, bottom 0 (in stride units).
        int[] peaks = [1, 2, 3, 0];
        for (var side = 0; side < 4; side++)
        for (var k = 0; k < bins; k++)
            boxes8[anchor * 4 * bins + side * bins + k] = k == peaks[side] ? 50 : 0;

        var found = new NanoDetDecoder(32, 32, [8, 16], 3, Labels).Decode(
        [
            new FloatTensor(boxes16, 1, 4, 4 * bins), new FloatTensor(classes8, 1, 16, 3),
            new FloatTensor(classes16, 1, 4, 3), new FloatTensor(boxes8, 1, 16, 4 * bins),
        ], 0.5f);

        var detection = Assert.Single(found);
        Assert.Equal((0, "person", 0.9f), (detection.ClassId, detection.Label, detection.Score));
        AssertBox(new PixelBox(12 - 8, 20 - 16, 12 + 24, 20 + 0), detection.Box);
    }

    [Fact]
    public void Nms_keeps_the_best_of_overlapping_boxes_of_one_class()
    {
        var kept = NonMaximumSuppression.Apply(
        [
            new Detection(0, "person", 0.7f, new PixelBox(0, 0, 100, 100)),
            new Detection(0, "person", 0.9f, new PixelBox(5, 5, 105, 105)),
            new Detection(0, "person", 0.8f, new PixelBox(200, 200, 300, 300)),
        ], 0.45f, 100);

        Assert.Equal([0.9f, 0.8f], kept.Select(k => k.Score));
    }

    [Fact]
    public void Nms_keeps_overlapping_boxes_of_different_classes()
    {
        var kept = NonMaximumSuppression.Apply(
        [
            new Detection(0, "person", 0.9f, new PixelBox(0, 0, 100, 100)),
            new Detection(26, "handbag", 0.6f, new PixelBox(2, 2, 100, 100)),
        ], 0.45f, 100);

        Assert.Equal(["person", "handbag"], kept.Select(k => k.Label));
    }

    [Fact]
    public void Nms_stops_at_the_detection_limit()
    {
        var many = Enumerable.Range(0, 10).Select(i => new Detection(0, "person", i / 10f, new PixelBox(i * 50, 0, i * 50 + 40, 40))).ToArray();
        Assert.Equal(3, NonMaximumSuppression.Apply(many, 0.45f, 3).Count);
    }

    static void AssertBox(PixelBox expected, PixelBox actual)
    {
        Assert.Equal(expected.Left, actual.Left, 2);
        Assert.Equal(expected.Top, actual.Top, 2);
        Assert.Equal(expected.Right, actual.Right, 2);
        Assert.Equal(expected.Bottom, actual.Bottom, 2);
    }
}
