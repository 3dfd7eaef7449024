using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Preprocessing;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class OnnxObjectDetectorTests(ITestOutputHelper output)
{
    [ModelsAndSharedDataFact]
    public void Yolox_finds_the_man_in_the_hoodie_with_a_box_around_him() => FindsTheModel("yolox-nano");

    [ModelsAndSharedDataFact]
    public void NanoDet_finds_the_man_in_the_hoodie_with_a_box_around_him() => FindsTheModel("nanodet-m");

    void FindsTheModel(string model)
    {
        var image = TestImages.Decode(TestImages.CatalogPhoto("mh01-black_main.jpg"));
        using var detector = OnnxObjectDetector.Open(Models.Engine, Models.Catalog, new VisionOptions { DetectorModel = model });

        var detections = detector.Detect(image);

        foreach (var d in detections)
            output.WriteLine($"{d.Label} {d.Score:F2} [{d.Box.Left:F0},{d.Box.Top:F0},{d.Box.Right:F0},{d.Box.Bottom:F0}]");
        output.WriteLine($"{model} on {image.Width}x{image.Height}");
        var person = detections.Where(d => d.Label == "person").MaxBy(d => d.Score);
        Assert.NotNull(person);
        Assert.True(person.Score > 0.5f, $"person score {person.Score}");
        // The photo is the man: his box spans the image's centre and most of its area.
        var box = person.Box;
        Assert.True(box.Left < image.Width * 0.4f && box.Right > image.Width * 0.6f, $"box {box} misses the centre horizontally");
        Assert.True(box.Top < image.Height * 0.4f && box.Bottom > image.Height * 0.6f, $"box {box} misses the centre vertically");
        Assert.True(box.Area > 0.25f * image.Width * image.Height, $"box {box} is small for a full-figure photo");
    }
}
