using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>What the analysis of a video saw, item by item, before it asked the index anything: everything a
/// re-match needs (the k-NN pass, the rerank and the shot vote) without decoding the video or running the
/// detector and embedder again. Model names the embedder whose appearance vectors these are.</summary>
public sealed record VideoDescriptors(string Model, IReadOnlyList<ShotDescriptors> Shots);

/// <summary>One shot's analysed frames. FrameCount is how many frames vote, including frames with no items.</summary>
public sealed record ShotDescriptors(int SegmentIndex, int FrameCount, IReadOnlyList<FrameDescriptors> Frames);

public sealed record FrameDescriptors(long FrameNumber, double Seconds, IReadOnlyList<FrameItem> Items);

/// <summary>One region of a frame: its kind, where it is (fractions of the frame) and how it looks.</summary>
public sealed record FrameItem(ItemKind Kind, NormalizedBox Box, ItemDescriptor Descriptor);
