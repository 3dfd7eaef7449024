using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Benchmarks.Matching;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Pixels;

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
                decodeOnly = await AtOnceAsync(Parallel, measured, product => DecodeAsync(host, luma, product));
                onePass = await AtOnceAsync(Parallel, measured, product => DescribeOnceAsync(host, luma, product));
                // One at a time, each ONNX run has both cores to itself (its intra-op threads).
                onePassAlone = await AtOnceAsync(1, measured, product => DescribeOnceAsync(host, luma, product));
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

    static async Task<BgrImage> DecodeAsync(MatchingHost host, LumaCatalog luma, LumaProduct product) =>
        await host.Services.GetRequiredService<IImageDecoder>().DecodeAsync(await File.ReadAllBytesAsync(Path.Combine(luma.Folder, product.Image)),
            host.Services.GetRequiredService<CatalogOptions>().DecodeMaxSide, CancellationToken.None);

    /// <summary>What a photo needs at the least: one decode, then the finder's detector, region and described
    /// views, as the catalog's steps run them.</summary>
    static async Task DescribeOnceAsync(MatchingHost host, LumaCatalog luma, LumaProduct product) =>
        host.Services.GetRequiredService<IItemFinder>().FindProduct(await DecodeAsync(host, luma, product), CategoryKinds.For(product.Category));

    static async Task<TimeSpan> AtOnceAsync(int parallel, IReadOnlyList<LumaProduct> products, Func<LumaProduct, Task> work)
    {
        var clock = Stopwatch.StartNew();
        await System.Threading.Tasks.Parallel.ForEachAsync(products, new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (product, _) => await work(product));
        return clock.Elapsed;
    }
}
