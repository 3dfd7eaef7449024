using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Api.Cli;

/// <summary>The main job in one command: drop a catalog and videos into the buckets of a running host,
/// wait for their sagas and print what happened. It goes through the buckets exactly as a user would.</summary>
public static class ProcessCommand
{
    public static async Task<int> RunAsync(WebApplication app, string? catalogManifest, IReadOnlyList<string> videos)
    {
        await app.StartAsync();
        var store = app.Services.GetRequiredService<FolderObjectStore>();
        var stopping = app.Lifetime.ApplicationStopping;

        if (catalogManifest is not null)
        {
            var manifest = await DropCatalogAsync(store, catalogManifest, stopping);
            var batch = await WaitAsync(app.Services.GetRequiredService<ISagaStateReader<CatalogIngestionState>>(),
                ObjectEvents.SagaIdFor(manifest), CatalogIngestionStateMachine.FinalStates, b => b.CurrentState, b => b.Percent, stopping);
            Console.WriteLine($"catalog {manifest.Key}: {batch.CurrentState}, {batch.Ingested.Count} products ingested, " +
                              $"{batch.FailedImages.Count} failed, {batch.Errors.Count} row errors{Reason(batch.FailureReason)}");
        }

        var failed = 0;
        foreach (var path in videos)
        {
            var video = await DropAsync(store, Buckets.Videos, Path.GetFileName(path), path, stopping);
            var saga = await WaitAsync(app.Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>(),
                ObjectEvents.SagaIdFor(video), VideoProcessingStateMachine.FinalStates, v => v.CurrentState, v => v.Percent, stopping);
            failed += saga.CurrentState == nameof(VideoProcessingStateMachine.Failed) ? 1 : 0;
            PrintVideo(saga);
        }
        await app.StopAsync();
        return failed == 0 ? 0 : 1;
    }

    static void PrintVideo(VideoProcessingState saga)
    {
        Console.WriteLine($"video {saga.Video?.Key} ({saga.CorrelationId:N}): {saga.CurrentState}{Reason(saga.FailureReason)}");
        foreach (var timing in saga.Timings)
            Console.WriteLine($"  {timing.Step,-16} {timing.Seconds,8:0.000} s  attempts {timing.Attempts}");
        foreach (var segment in saga.Segments)
        {
            var products = saga.Matches.FirstOrDefault(m => m.SegmentIndex == segment.Index)?.Products ?? [];
            Console.WriteLine($"  shot {segment.Index}: {segment.StartSeconds:0.00}-{segment.EndSeconds:0.00} s, " +
                              $"{segment.Frames.Count} representative frame(s), products: " +
                              (products.Count == 0 ? $"none ({saga.Analysis})" : string.Join(", ", products.Select(p => $"{p.ProductId} {p.Score:0.00}"))));
        }
        if (saga.DocumentKey is not null)
            Console.WriteLine($"  document: buckets/{Buckets.Output}/{saga.DocumentKey}");
    }

    static string Reason(string? reason) => reason is null ? "" : $" ({reason})";

    /// <summary>Photos first, manifest last: the manifest starts ingestion, so its photos must be there.</summary>
    static async Task<StoredObject> DropCatalogAsync(FolderObjectStore store, string manifestPath, CancellationToken ct)
    {
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(manifestPath)))!;
        var sourceRoot = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        foreach (var image in Directory.EnumerateFiles(sourceRoot, "*.jpg", SearchOption.AllDirectories)
                     .Where(p => !Path.GetRelativePath(sourceRoot, p).StartsWith("queries")))
        {
            var key = $"{folder}/{Path.GetRelativePath(sourceRoot, image).Replace('\\', '/')}";
            if (!await store.ExistsAsync(Buckets.Catalog, key, ct))
                await DropAsync(store, Buckets.Catalog, key, image, ct);
        }
        return await DropAsync(store, Buckets.Catalog, $"{folder}/{Path.GetFileName(manifestPath)}", manifestPath, ct);
    }

    static async Task<StoredObject> DropAsync(FolderObjectStore store, string bucket, string key, string source, CancellationToken ct)
    {
        await using (var file = File.OpenRead(source))
            await store.WriteAsync(bucket, key, file, ct);
        return new StoredObject(bucket, key, new FileInfo(source).Length, await ContentHash.OfFileAsync(source, ct));
    }

    static async Task<TSaga> WaitAsync<TSaga>(ISagaStateReader<TSaga> reader, Guid id, IReadOnlyList<string> finalStates,
        Func<TSaga, string> stateOf, Func<TSaga, double> percentOf, CancellationToken ct) where TSaga : class
    {
        var last = "";
        while (true)
        {
            var saga = await reader.FindAsync(id, ct);
            if (saga is not null)
            {
                var line = $"  {stateOf(saga)} {percentOf(saga):0}%";
                if (line != last)
                    Console.WriteLine(last = line);
                if (finalStates.Contains(stateOf(saga)))
                    return saga;
            }
            await Task.Delay(200, ct);
        }
    }
}
