using System.Diagnostics;
using System.Text.Json;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Benchmarks;

/// <summary>Decode-only throughput over the shared catalog photos, images in memory, to BGR at
/// <see cref="MaxSide"/> (the catalog's analysis size): the in-process <see cref="SkiaImageDecoder"/>
/// against the long-lived ffmpeg pipe it replaced (<see cref="FfmpegPipeBaseline"/>), each with one
/// caller and with one caller per core, after one warm-up pass each. Wall-clock rates depend on what else
/// the machine runs, so CPU time per image is printed too: this process's for Skia, this process's plus
/// the ffmpeg processes' for the pipe.</summary>
public sealed class DecodeBenchmark
{
    const int MaxSide = 640;

    public async Task<int> RunAsync()
    {
        var data = BenchmarkData.FindFolder();
        var folder = data is null ? null : Path.Combine(data, "luma", "images");
        if (folder is null || !Directory.Exists(folder))
        {
            Console.Error.WriteLine("decode: ../shared/data/luma/images is absent; nothing to measure.");
            return 1;
        }
        var images = Directory.GetFiles(folder, "*.jpg").Order().Select(File.ReadAllBytes).ToList();
        var callers = Math.Max(1, Environment.ProcessorCount);

        var skia = new SkiaImageDecoder(new ImageDecoderOptions());
        await using var pipe = new FfmpegPipeBaseline(MaxSide);
        var warmUp = images.Take(20).ToList();
        await TimeAsync(warmUp, callers, bytes => skia.DecodeAsync(bytes, MaxSide, CancellationToken.None));
        await TimeAsync(warmUp, callers, pipe.DecodeAsync);

        var cpu = CpuTime(pipe);
        var skiaOne = await TimeAsync(images, 1, bytes => skia.DecodeAsync(bytes, MaxSide, CancellationToken.None));
        var skiaCpu = CpuTime(pipe) - cpu;
        cpu = CpuTime(pipe);
        var pipeOne = await TimeAsync(images, 1, pipe.DecodeAsync);
        var pipeCpu = CpuTime(pipe) - cpu;
        var skiaMany = await TimeAsync(images, callers, bytes => skia.DecodeAsync(bytes, MaxSide, CancellationToken.None));
        var pipeMany = await TimeAsync(images, callers, pipe.DecodeAsync);

        double PerSecond(TimeSpan elapsed) => Math.Round(images.Count / elapsed.TotalSeconds, 1);
        var summary = new Dictionary<string, double>
        {
            ["images"] = images.Count,
            ["callers"] = callers,
            ["skia_images_per_s_1_caller"] = PerSecond(skiaOne),
            ["ffmpeg_pipe_images_per_s_1_caller"] = PerSecond(pipeOne),
            ["skia_vs_ffmpeg_pipe_1_caller"] = Math.Round(pipeOne / skiaOne, 2),
            [$"skia_images_per_s_{callers}_callers"] = PerSecond(skiaMany),
            [$"ffmpeg_pipe_images_per_s_{callers}_callers"] = PerSecond(pipeMany),
            [$"skia_vs_ffmpeg_pipe_{callers}_callers"] = Math.Round(pipeMany / skiaMany, 2),
            ["skia_cpu_ms_per_image"] = Math.Round(skiaCpu.TotalMilliseconds / images.Count, 1),
            ["ffmpeg_pipe_cpu_ms_per_image"] = Math.Round(pipeCpu.TotalMilliseconds / images.Count, 1),
            ["ffmpeg_processes_started"] = pipe.ProcessesStarted,
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    static TimeSpan CpuTime(FfmpegPipeBaseline pipe) => Process.GetCurrentProcess().TotalProcessorTime + pipe.ProcessorTime;

    static async Task<TimeSpan> TimeAsync(List<byte[]> images, int callers, Func<byte[], Task<BgrImage>> decode)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (image, _) => await decode(image));
        return watch.Elapsed;
    }
}
