using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>One neighbour the index returned for one region of one representative frame: the raw material
/// of a shot's vote.</summary>
public sealed record FrameHit(long FrameNumber, double Seconds, string ProductId, ItemKind Kind, double Score, NormalizedBox Box);
