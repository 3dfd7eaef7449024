using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>Finds objects in an image; boxes are in the image's own pixel coordinates, after NMS.</summary>
public interface IObjectDetector
{
    /// <summary>The model's name from its manifest (for example "yolox-nano").</summary>
    string Model { get; }

    IReadOnlyList<Detection> Detect(BgrImage image);
}
