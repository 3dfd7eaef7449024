namespace ShoppableVideo.Benchmarks;

/// <summary>The hook for timing a whole VideoProcessing saga on one video (host up, file dropped, until
/// completion). Whoever wires the saga implements it and passes it to <see cref="ShotsBenchmark"/>.</summary>
public interface IPipelineTimer
{
    Task<PipelineRun> TimeAsync(string videoPath);
}

/// <summary>One saga's wall time, and the seconds each of its steps took as the saga recorded them.</summary>
public sealed record PipelineRun(TimeSpan Elapsed, IReadOnlyDictionary<string, double> StepSeconds);
