using System.Text.Json;
using ShoppableVideo.Benchmarks.Matching;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// Catalog ingestion of rows that share photos (sizes and colour names of one garment, one photo for
/// all), against a baseline of as many rows with a photo each, measured in the same run on the same
/// embedded host: each photo should be decoded, detected and embedded once, whatever the number of rows
/// naming it. A warm-up batch first, so neither figure pays for loading the models.
/// </summary>
public sealed class SharedPhotosBenchmark
{
    const int Rows = 48;
    const int RowsPerPhoto = 12;

    public async Task<int> RunAsync()
    {
        if (BenchmarkData.FindFolder() is not { } data)
        {
            Console.Error.WriteLine("shared-photos: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var luma = LumaCatalog.Read(data);
        var products = luma.ProductsWithPhotos;
        await using var host = await MatchingHost.StartAsync(new ShotVoteOptions());

        await CatalogBatch.IngestAsync(host, luma, "warm-up", products.Take(4).Select(p => (p.ProductId, p)).ToList());
        var distinct = products.Skip(4).Take(Rows).Select(p => (p.ProductId, p)).ToList();
        var (baseline, _) = await CatalogBatch.IngestAsync(host, luma, "distinct", distinct);
        var shared = products.Skip(4 + Rows).Take(Rows / RowsPerPhoto)
            .SelectMany(p => Enumerable.Range(1, RowsPerPhoto).Select(i => ($"{p.ProductId}-variant-{i}", p)))
            .ToList();
        var (measured, _) = await CatalogBatch.IngestAsync(host, luma, "shared", shared);

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
        {
            ["rows"] = Rows,
            ["rows_per_photo"] = RowsPerPhoto,
            ["distinct_photos_rows_per_s"] = Math.Round(Rows / baseline.TotalSeconds, 2),
            ["shared_photos_rows_per_s"] = Math.Round(Rows / measured.TotalSeconds, 2),
            ["shared_vs_distinct_speedup"] = Math.Round(baseline.TotalSeconds / measured.TotalSeconds, 2),
        }));
        return 0;
    }
}
