namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// How a region looks: the re-ID appearance embedding and a colour descriptor, both L2-normalised.
/// Kept apart (not concatenated) so the weight between them can be tuned without re-indexing.
/// </summary>
public sealed record ItemDescriptor(float[] Appearance, float[] Colour);
