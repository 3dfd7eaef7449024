namespace ShoppableVideo.Consumers.Matching;

/// <summary>A catalog product close to a query region: Score is a similarity in 0..1, higher is closer.</summary>
public sealed record ProductHit(string ProductId, double Score);
