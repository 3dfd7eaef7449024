using System.Text.Json;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks;

/// <summary>Shot detection against plain decoding: for each shared video, ffmpeg decode-only time, the
/// project's detection pass as the saga runs it (probe + single decode pass with raw candidate frames +
/// detector), the same pass without candidates for reference, the whole saga with the seconds of each of its
/// steps, and F1 against the ground truth. A warm-up decode and saga run first, so the first video measured
/// does not pay for a cold start (disk cache, JIT, the models opening).</summary>
public sealed class ShotsBenchmark(IPipelineTimer? pipelineTimer)
{
    const int Runs = 3;
    const string GroundTruth = "six-shots-hard-cuts.cuts.json";

    public async Task<int> RunAsync()
    {
        var data = BenchmarkData.FindFolder();
        if (data is null)
        {
            Console.Error.WriteLine("shots: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var videosFolder = Path.Combine(data, "videos");
        var root = Directory.CreateTempSubdirectory("shoppable-bench-");
        try
        {
            var store = new FolderObjectStore(root.FullName);
            // The videos bucket points at the shared videos: read in place, never copied.
            Directory.CreateSymbolicLink(store.BucketPath(Buckets.Videos), videosFolder);

            double decodeTotal = 0, shotsTotal = 0, pipelineTotal = 0;
            var stepTotals = new Dictionary<string, double>();
            var f1 = double.NaN;
            var videos = Directory.GetFiles(videosFolder, "*.mp4").Order().ToList();
            await Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-i", videos[0], "-f", "null", "-");
            if (pipelineTimer is not null)
                await pipelineTimer.TimeAsync(videos[0]);
            foreach (var path in videos)
            {
                var name = Path.GetFileName(path);
                var decode = await Stopwatches.BestOfAsync(Runs, () => Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-"));
                // Probing is its own saga step, before the decode pass; it is not part of the timing.
                var probe = await new FfprobeVideoProber(store, new MediaTools(), new MediaLimits()).ProbeAsync(Buckets.Videos, name);
                IReadOnlyList<long> cuts = [];
                var shots = await Stopwatches.BestOfAsync(Runs, async () => cuts = await DetectAsync(store, name, probe, new FrameExtractionOptions()));
                // Reference only: candidates so sparse that only frame 0 is kept as a candidate.
                var bare = await Stopwatches.BestOfAsync(Runs, () => DetectAsync(store, name, probe, new FrameExtractionOptions { CandidatesPerSecond = 1e-6, MaxCandidateInterval = int.MaxValue }));
                TimeSpan? pipeline = null;
                PipelineRun? best = null;
                if (pipelineTimer is not null)
                {
                    for (var run = 0; run < Runs; run++)
                        if (await pipelineTimer.TimeAsync(path) is var timed && (best is null || timed.Elapsed < best.Elapsed))
                            best = timed;
                    pipeline = best!.Elapsed;
                    foreach (var (step, seconds) in best.StepSeconds)
                        stepTotals[step] = stepTotals.GetValueOrDefault(step) + seconds;
                }

                decodeTotal += decode.TotalSeconds;
                shotsTotal += shots.TotalSeconds;
                pipelineTotal += pipeline?.TotalSeconds ?? 0;
                Console.WriteLine(
                    $"{name}: decode-only {decode.TotalSeconds:F3}s, shots {shots.TotalSeconds:F3}s (x{shots / decode:F2}), " +
                    $"shots without candidates {bare.TotalSeconds:F3}s (x{bare / decode:F2}), cuts {cuts.Count} [{string.Join(",", cuts)}], " +
                    (pipeline is { } p ? $"pipeline {p.TotalSeconds:F3}s (x{p / decode:F2}): " +
                        string.Join(", ", best!.StepSeconds.Select(s => $"{s.Key} {s.Value:F3}s")) : "pipeline: not measured"));

                var truthPath = Path.Combine(videosFolder, GroundTruth);
                if (name == JsonDocument.Parse(File.ReadAllText(truthPath)).RootElement.GetProperty("video").GetString())
                {
                    f1 = CutScore.F1(ReadTruth(truthPath), cuts);
                    Console.WriteLine($"{name}: F1 {f1:F3} against {GroundTruth} (±1 frame)");
                }
            }

            var summary = new Dictionary<string, double?>
            {
                ["f1"] = double.IsNaN(f1) ? null : Math.Round(f1, 4),
                ["shots_vs_decode"] = Math.Round(shotsTotal / decodeTotal, 4),
                ["pipeline_vs_decode"] = pipelineTimer is null ? null : Math.Round(pipelineTotal / decodeTotal, 4),
            };
            // Where the saga's seconds go: each step summed over the videos, against the same decode-only total.
            foreach (var (step, seconds) in stepTotals)
                summary[$"step_{step}_vs_decode"] = Math.Round(seconds / decodeTotal, 4);
            Console.WriteLine(JsonSerializer.Serialize(summary));
            return 0;
        }
        finally
        {
            Directory.Delete(Path.Combine(root.FullName, Buckets.Videos)); // the link only
            root.Delete(recursive: true);
        }
    }

    static async Task<IReadOnlyList<long>> DetectAsync(FolderObjectStore store, string name, VideoProbe probe, FrameExtractionOptions options)
    {
        var extraction = await new FfmpegFrameExtractor(store, new MediaTools(), options)
            .ExtractAsync(Guid.NewGuid(), new StoredObject(Buckets.Videos, name, 0, ""), probe);
        return new AdaptiveShotDetector(new ShotDetectionOptions()).FindCuts(extraction.Signals.Frames);
    }

    static IReadOnlyList<long> ReadTruth(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("cuts_frame_index_first_frame_of_new_shot").EnumerateArray().Select(e => e.GetInt64()).ToList();
    }
}
