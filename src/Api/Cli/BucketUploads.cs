using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Cli;

/// <summary>Puts files into the buckets exactly as a user would, so the CLI exercises the same intake
/// (watcher, settle time, saga ids) as a real upload.</summary>
public static class BucketUploads
{
    static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    /// <summary>The manifest to ingest: the file itself, or the single *.csv in a folder.</summary>
    public static string FindManifest(string csvOrFolder)
    {
        if (File.Exists(csvOrFolder))
            return Path.GetFullPath(csvOrFolder);
        if (!Directory.Exists(csvOrFolder))
            throw new CliException($"no such file or folder: {csvOrFolder}");
        var manifests = Directory.GetFiles(csvOrFolder, "*.csv").Order().ToArray();
        return manifests.Length switch
        {
            1 => Path.GetFullPath(manifests[0]),
            0 => throw new CliException($"no manifest (*.csv) in {csvOrFolder}"),
            _ => throw new CliException($"{manifests.Length} manifests in {csvOrFolder} ({string.Join(", ", manifests.Select(Path.GetFileName))}): name the one to ingest"),
        };
    }

    /// <summary>Photos first, manifest last: the manifest starts ingestion, so its photos must be there.
    /// Everything lands under a folder named like the manifest's own; photos already there are kept.</summary>
    public static async Task<StoredObject> DropCatalogAsync(FolderObjectStore store, string manifestPath, CancellationToken ct)
    {
        var sourceRoot = Path.GetDirectoryName(manifestPath)!;
        var folder = Path.GetFileName(sourceRoot);
        var photos = Directory.EnumerateFiles(sourceRoot, "*", SearchOption.AllDirectories)
            .Where(p => PhotoExtensions.Contains(Path.GetExtension(p).ToLowerInvariant()))
            // The shared Luma folder keeps its query photos beside the catalog; they are not products.
            .Where(p => !Path.GetRelativePath(sourceRoot, p).StartsWith("queries"));
        foreach (var photo in photos)
        {
            var key = $"{folder}/{Path.GetRelativePath(sourceRoot, photo).Replace('\\', '/')}";
            if (!await store.ExistsAsync(Buckets.Catalog, key, ct))
                await DropAsync(store, Buckets.Catalog, key, photo, ct);
        }
        return await DropAsync(store, Buckets.Catalog, $"{folder}/{Path.GetFileName(manifestPath)}", manifestPath, ct);
    }

    public static async Task<StoredObject> DropAsync(FolderObjectStore store, string bucket, string key, string source, CancellationToken ct)
    {
        await using (var file = File.OpenRead(source))
            await store.WriteAsync(bucket, key, file, ct);
        // Identified as the bucket watcher will identify it, so both name the same saga.
        return (await store.IdentifyAsync(bucket, key, ct))!;
    }

    public static Guid SagaIdFor(StoredObject stored) => ObjectEvents.SagaIdFor(stored);
}
