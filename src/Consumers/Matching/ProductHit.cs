namespace ShoppableVideo.Consumers.Matching;

/// <summary>A catalog product close to a query region: Score is a similarity in 0..1, higher is closer; Kind
/// is the product's own kind (what a region searched across kinds turned out to be).</summary>
public sealed record ProductHit(string ProductId, double Score, ItemKind Kind);
