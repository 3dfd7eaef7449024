using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>One object a detector found: its COCO class, confidence (0..1) and box in image pixels.</summary>
public sealed record Detection(int ClassId, string Label, float Score, PixelBox Box);
