using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>One video processed through the real saga, with its shoppable segments and its timings beside
/// decode-only ffmpeg on the same file, measured in the same run.</summary>
public sealed record VideoRun(string Name, IReadOnlyList<DetectedShot> Segments, double DecodeSeconds, double AnalysisSeconds, double PipelineSeconds)
{
    const int DecodeRuns = 3;

    /// <summary>Where the documents (and the ground truth) are kept for a closer look after the run, when set.</summary>
    public const string KeepDocumentsVariable = "SHOPPABLEVIDEO_BENCH_DOCUMENTS";

    public static async Task<VideoRun> ProcessAsync(MatchingHost host, string path)
    {
        var name = Path.GetFileName(path);
        var decode = await Stopwatches.BestOfAsync(DecodeRuns, () => Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-"));
        var saga = await host.ProcessAsync(await host.PutAsync(Buckets.Videos, name, path), TimeSpan.FromMinutes(20));
        var analysis = saga.Timings.Last(t => t.Step == VideoStepNames.AnalyzeFrames).Seconds ?? double.NaN;
        var pipeline = ((saga.FinishedAt ?? DateTimeOffset.UtcNow) - saga.CreatedAt).TotalSeconds;
        using var document = await host.ReadDocumentAsync(saga.CorrelationId);
        if (Environment.GetEnvironmentVariable(KeepDocumentsVariable) is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllTextAsync(Path.Combine(keep, name + ".json"), document.RootElement.GetRawText());
        }
        return new VideoRun(name, ShoppableSegments.Read(document.RootElement), decode.TotalSeconds, analysis, pipeline);
    }

    public override string ToString() =>
        $"{Name}: {Segments.Count} segments, decode-only {DecodeSeconds:F2}s, AnalyzeFrames {AnalysisSeconds:F2}s (x{AnalysisSeconds / DecodeSeconds:F2}), " +
        $"whole saga {PipelineSeconds:F2}s (x{PipelineSeconds / DecodeSeconds:F2})";
}
