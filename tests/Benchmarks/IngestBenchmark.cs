using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Benchmarks.Matching;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// Catalog ingestion, photos a second, on the embedded host: <see cref="Photos"/> Luma products with a photo
/// each, after a warm-up batch that loads the models, once per bus concurrency limit (a fresh host each).
/// Against two floors measured in the same run on the same photos, two at a time as the two cores allow:
/// decoding alone, and the work a photo needs at the least (decode once, detect, choose the region, describe
/// its four views) with no saga, bus or store in between.
/// </summary>
public sealed class IngestBenchmark
{
    const int Photos = 96;
    const int Parallel = 2;

    /// <summary>Bus concurrency limits tried, MassTransit's own default first: the baseline.</summary>
    static readonly BusLimit[] Limits = [new(null), new(2), new(4)];

    public async Task<int> RunAsync()
    {
        if (BenchmarkData.FindFolder() is not { } data)
        {
            Console.Error.WriteLine("ingest: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var luma = LumaCatalog.Read(data);
        var products = luma.ProductsWithPhotos;
        var measured = products.Skip(4).Take(Photos).ToList();
        var figures = new Dictionary<string, double> { ["photos"] = measured.Count };
        var perLimit = new Dictionary<string, TimeSpan>();
        TimeSpan decodeOnly = default, onePass = default, onePassAlone = default;
        foreach (var limit in Limits)
        {
            await using var host = await MatchingHost.StartAsync(new ShotVoteOptions(), limit);
            await CatalogBatch.IngestAsync(host, luma, "warm-up", products.Take(4).Select(p => (p.ProductId, p)).ToList());
            var (elapsed, _) = await CatalogBatch.IngestAsync(host, luma, "measured", measured.Select(p => (p.ProductId, p)).ToList());
            perLimit[limit.ToString()] = elapsed;
            Console.WriteLine($"limit {limit}: {measured.Count / elapsed.TotalSeconds:F2} photos/s");
            if (limit == Limits[0])
            {
                var paths = measured.Select(p => Path.Combine(luma.Folder, p.Image)).ToList();
                decodeOnly = await AtOnceAsync(Parallel, paths, path => DecodeAsync(host, path));
                onePass = await AtOnceAsync(Parallel, paths, path => DescribeOnceAsync(host, path, measured[paths.IndexOf(path)]));
                // One at a time, each ONNX run has both cores to itself (its intra-op threads).
                onePassAlone = await AtOnceAsync(1, paths, path => DescribeOnceAsync(host, path, measured[paths.IndexOf(path)]));
            }
        }
        figures["decode_only_photos_per_s"] = Math.Round(measured.Count / decodeOnly.TotalSeconds, 2);
        figures["one_pass_photos_per_s"] = Math.Round(measured.Count / onePass.TotalSeconds, 2);
        figures["one_pass_one_at_a_time_photos_per_s"] = Math.Round(measured.Count / onePassAlone.TotalSeconds, 2);
        foreach (var (limit, elapsed) in perLimit)
        {
            figures[$"limit_{limit}_photos_per_s"] = Math.Round(measured.Count / elapsed.TotalSeconds, 2);
            figures[$"limit_{limit}_vs_one_pass"] = Math.Round(elapsed.TotalSeconds / onePass.TotalSeconds, 2);
        }
        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    static async Task DecodeAsync(MatchingHost host, string path) =>
        await host.Services.GetRequiredService<IImageDecoder>()
            .DecodeAsync(await File.ReadAllBytesAsync(path), host.Services.GetRequiredService<CatalogOptions>().DecodeMaxSide, CancellationToken.None);

    /// <summary>What a photo needs at the least: one decode, the detector, the region, its views described.</summary>
    static async Task DescribeOnceAsync(MatchingHost host, string path, LumaProduct product)
    {
        var image = await host.Services.GetRequiredService<IImageDecoder>()
            .DecodeAsync(await File.ReadAllBytesAsync(path), host.Services.GetRequiredService<CatalogOptions>().DecodeMaxSide, CancellationToken.None);
        var kind = CategoryKinds.For(product.Category);
        var region = ProductPhotoRegion.Choose(kind, host.Services.GetRequiredService<IObjectDetector>().Detect(image), image.Width, image.Height).Region;
        host.Services.GetRequiredService<ItemDescriber>().DescribeProduct(image, region);
    }

    static async Task<TimeSpan> AtOnceAsync(int parallel, IReadOnlyList<string> paths, Func<string, Task> work)
    {
        var clock = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(paths, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (path, _) => await work(path));
        return clock.Elapsed;
    }
}
