using System.Diagnostics;
using ShoppableVideo.Benchmarks.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Catalog;

namespace ShoppableVideo.Benchmarks;

/// <summary>A catalog batch as a content owner drops one: its photos put in the bucket under a folder of
/// their own first (uploading is not ingestion), then its manifest, timed until the batch has finished.</summary>
public static class CatalogBatch
{
    public static async Task<(TimeSpan Elapsed, CatalogIngestionState Batch)> IngestAsync(MatchingHost host, LumaCatalog luma, string folder,
        IReadOnlyList<(string ProductId, LumaProduct Photo)> rows)
    {
        foreach (var image in rows.Select(r => r.Photo.Image).Distinct())
            await host.PutAsync(Buckets.Catalog, $"{folder}/{Path.GetFileName(image)}", Path.Combine(luma.Folder, image));
        var manifest = Path.Combine(Path.GetTempPath(), $"sv-batch-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(manifest,
            ["product_id,name,price,category,image", .. rows.Select(r => $"{r.ProductId},{r.ProductId},10,\"{r.Photo.Category}\",{Path.GetFileName(r.Photo.Image)}")]);
        try
        {
            var stored = await host.PutAsync(Buckets.Catalog, $"{folder}/manifest.csv", manifest);
            var watch = Stopwatch.StartNew();
            var batch = await host.IngestAsync(stored, TimeSpan.FromMinutes(20));
            if (batch.CurrentState != nameof(CatalogIngestionStateMachine.Completed) || batch.Ingested.Count != rows.Count)
                throw new InvalidOperationException($"{folder}: {batch.CurrentState}, {batch.Ingested.Count} of {rows.Count} ingested");
            return (watch.Elapsed, batch);
        }
        finally
        {
            File.Delete(manifest);
        }
    }
}
