using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// Many videos at once: 20 short clips (4 s, 720p, cut from two shared videos and encoded once) announced
/// together to one embedded host, timed until every saga is Completed, for each bus concurrency limit (how many
/// messages each step's endpoint handles at once; "masstransit_default" is MassTransit's own, the baseline; the host ships with twice the cores). Reported as videos a minute and
/// as the wall time over the sum of the clips' decode-only times (`ffmpeg -f null`), measured in the same run.
/// A fresh host and data folder per limit, warmed by one clip first.
/// </summary>
public sealed class ThroughputBenchmark
{
    const int Clips = 20;
    const int ClipSeconds = 4;
    static readonly int?[] Limits = [null, 1, 2, 4];

    public async Task<int> RunAsync()
    {
        var shared = BenchmarkData.FindFolder();
        if (shared is null)
        {
            Console.Error.WriteLine("throughput: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var work = Directory.CreateTempSubdirectory("sv-throughput-");
        try
        {
            var clips = await MakeClipsAsync(Path.Combine(shared, "videos"), work.FullName);
            var decodeOnly = TimeSpan.Zero;
            foreach (var clip in clips)
                decodeOnly += await Stopwatches.BestOfAsync(1, () => Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-i", clip, "-f", "null", "-"));

            var results = new List<Dictionary<string, object?>>();
            foreach (var limit in Limits)
            {
                var wall = await TimeAllAsync(clips, limit, work.FullName);
                var result = new Dictionary<string, object?>
                {
                    ["concurrent_message_limit"] = limit?.ToString() ?? "masstransit_default",
                    ["videos"] = clips.Count,
                    ["wall_s"] = Math.Round(wall.TotalSeconds, 2),
                    ["videos_per_min"] = Math.Round(clips.Count / wall.TotalMinutes, 1),
                    ["decode_only_sum_s"] = Math.Round(decodeOnly.TotalSeconds, 2),
                    ["wall_vs_decode_only_sum"] = Math.Round(wall / decodeOnly, 3),
                };
                results.Add(result);
                Console.WriteLine(JsonSerializer.Serialize(result));
            }
            var best = results.MaxBy(r => (double)r["videos_per_min"]!)!;
            Console.WriteLine(JsonSerializer.Serialize(new { best_limit = best["concurrent_message_limit"], best_videos_per_min = best["videos_per_min"] }));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Clips every 2 s of the two shared videos long enough for it (18 s with hard cuts, 139 s of
    /// people), re-encoded (a stream copy would start between key frames), so each is a whole short video.</summary>
    static async Task<List<string>> MakeClipsAsync(string videos, string folder)
    {
        string[] sources = [Path.Combine(videos, "six-shots-hard-cuts.mp4"), Path.Combine(videos, "one-by-one-person-detection.mp4")];
        var clips = new List<string>();
        for (var i = 0; i < Clips; i++)
        {
            var source = sources[i % sources.Length];
            var clip = Path.Combine(folder, $"clip-{i:D2}.mp4");
            await Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-ss", $"{i / sources.Length * 2 % 14}", "-i", source,
                "-t", $"{ClipSeconds}", "-vf", "scale=-2:720", "-c:v", "libx264", "-preset", "veryfast", "-an", clip);
            clips.Add(clip);
        }
        return clips;
    }

    static async Task<TimeSpan> TimeAllAsync(IReadOnlyList<string> clips, int? limit, string work)
    {
        var data = DataDirectory.At(Path.Combine(work, $"data-{limit?.ToString() ?? "masstransit_default"}"));
        var app = ShoppableVideoApp.Build(new EmbeddedSettings { Data = data }.WithConcurrentMessageLimit(limit),
            ["--Logging:LogLevel:Default=Warning"], urls: "http://127.0.0.1:0");
        await app.StartAsync();
        try
        {
            await RunAsync(app, clips.Take(1), "warm-up");
            var clock = Stopwatch.StartNew();
            await RunAsync(app, clips, "run");
            return clock.Elapsed;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Puts every clip in the bucket, announces them all at once as intake would, and waits for every
    /// saga to finish.</summary>
    static async Task RunAsync(WebApplication app, IEnumerable<string> clips, string prefix)
    {
        var created = new List<VideoObjectCreated>();
        foreach (var clip in clips)
            created.Add(await BenchmarkVideos.PutAsync(app, clip, $"{prefix}/{Path.GetFileName(clip)}"));
        await Task.WhenAll(created.Select(c => BenchmarkVideos.AnnounceAsync(app, c)));
        foreach (var video in created)
            await BenchmarkVideos.CompletedAsync(app, video);
    }
}
