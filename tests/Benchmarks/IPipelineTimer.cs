namespace ShoppableVideo.Benchmarks;

/// <summary>The hook for timing a whole VideoProcessing saga on one video (host up, file dropped, until
/// completion). Whoever wires the saga implements it and passes it to <see cref="ShotsBenchmark"/>.</summary>
public interface IPipelineTimer
{
    Task<TimeSpan> TimeAsync(string videoPath);
}
