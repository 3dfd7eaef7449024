using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>Test stand-in for the ONNX detector: catalog photos frame one model in the middle, cut at the
/// thigh, so it reports exactly that person and never a bag.</summary>
public sealed class CentredPersonDetector : IObjectDetector
{
    public string Model => "centred-person (test)";

    public IReadOnlyList<Detection> Detect(BgrImage image) =>
        [new Detection(0, "person", 0.9f, new PixelBox(image.Width * 0.25f, image.Height * 0.03f, image.Width * 0.75f, image.Height))];
}
