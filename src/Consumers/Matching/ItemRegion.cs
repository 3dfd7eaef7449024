using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>A region of an image that may hold one catalog item, with the detector's confidence in it.</summary>
public sealed record ItemRegion(ItemKind Kind, PixelBox Box, float DetectionScore);
