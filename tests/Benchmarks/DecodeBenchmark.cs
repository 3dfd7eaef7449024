using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Benchmarks;

/// <summary>Decode-only throughput over the shared catalog photos, images in memory, to BGR at
/// <see cref="MaxSide"/>: the long-lived <see cref="FfmpegImageDecoder"/> against one ffmpeg process
/// per image (the same scale), each with one caller and with one caller per core.</summary>
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
        var images = Directory.GetFiles(folder, "*.jpg").Order().Select(p => (Path: p, Bytes: File.ReadAllBytes(p))).ToList();
        var callers = Math.Max(1, Environment.ProcessorCount);

        await using var decoder = new FfmpegImageDecoder(new MediaTools(), new ImageDecoderOptions());
        var pipedOne = await TimeAsync(images, 1, image => decoder.DecodeAsync(image.Bytes, MaxSide, CancellationToken.None));
        var pipedMany = await TimeAsync(images, callers, image => decoder.DecodeAsync(image.Bytes, MaxSide, CancellationToken.None));
        var perImageOne = await TimeAsync(images, 1, image => DecodeWithOwnProcessAsync(image.Path, image.Bytes));
        var perImageMany = await TimeAsync(images, callers, image => DecodeWithOwnProcessAsync(image.Path, image.Bytes));

        var summary = new Dictionary<string, double>
        {
            ["images"] = images.Count,
            ["callers"] = callers,
            ["processes_started"] = decoder.ProcessesStarted,
            ["piped_images_per_s_1_caller"] = Math.Round(images.Count / pipedOne.TotalSeconds, 1),
            ["process_per_image_images_per_s_1_caller"] = Math.Round(images.Count / perImageOne.TotalSeconds, 1),
            [$"piped_images_per_s_{callers}_callers"] = Math.Round(images.Count / pipedMany.TotalSeconds, 1),
            [$"process_per_image_images_per_s_{callers}_callers"] = Math.Round(images.Count / perImageMany.TotalSeconds, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    static async Task<TimeSpan> TimeAsync(List<(string Path, byte[] Bytes)> images, int callers, Func<(string Path, byte[] Bytes), Task<BgrImage>> decode)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(images, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (image, _) => await decode(image));
        return watch.Elapsed;
    }

    // The baseline: what a decoder without a long-lived process does, one ffmpeg start per image, with
    // the bytes on stdin like the piped decoder gets them.
    static async Task<BgrImage> DecodeWithOwnProcessAsync(string path, byte[] bytes)
    {
        var header = ImageHeaderReader.Read(bytes);
        var (width, height) = ImageFit.Inside(header.Width, header.Height, MaxSide);
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-nostdin", "-v", "error", "-f", "image2pipe", "-c:v", "mjpeg", "-i", "pipe:0",
                     "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={width}:{height}:flags=area,format=bgr24"), "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var pixels = new byte[width * height * 3];
        var reading = process.StandardOutput.BaseStream.ReadAtLeastAsync(pixels, pixels.Length, throwOnEndOfStream: false);
        await process.StandardInput.BaseStream.WriteAsync(bytes);
        process.StandardInput.Close();
        var read = await reading;
        await process.WaitForExitAsync();
        if (read != pixels.Length)
            throw new InvalidOperationException($"{path}: {await stderr}");
        return new BgrImage(width, height, pixels);
    }
}
