namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A segment of a shoppable document, reduced to what scoring needs: its time range and its
/// products, best first.</summary>
public sealed record DetectedShot(double StartSeconds, double EndSeconds, IReadOnlyList<string> Products);
