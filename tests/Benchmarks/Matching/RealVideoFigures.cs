namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>What the two real test videos listed: the fence model's green top (at the threshold, and among
/// all voted products), and the six-shots distractor clips that listed a product or an exact one.</summary>
public sealed record RealVideoFigures(bool FenceGreenTopListed, bool FenceGreenTopVoted, int SixShotsDistractors, int SixShotsDistractorsListing, int SixShotsDistractorsExact);
