using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>Buckets as folders under one root: <c>{root}/{bucket}/{key}</c>. Writes go to a temporary
/// file in the same folder and are renamed into place, so a reader sees all of an object or none.</summary>
public sealed class FolderObjectStore(string root) : IObjectStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string GetMediaLocation(string bucket, string key) => PathOf(bucket, key);

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(bucket, key)));

    // Identities by path, kept while the file's snapshot holds still, so asking again (the media endpoint
    // checks a video's bytes on every range request) reads nothing.
    readonly ConcurrentDictionary<string, (FileSnapshot Snapshot, string Hash)> identified = new();

    public async Task<StoredObject?> IdentifyAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        while (true)
        {
            if (FileSnapshot.Of(path) is not { } before)
                return null;
            if (!identified.TryGetValue(path, out var known) || known.Snapshot != before)
            {
                known = (before, await ContentHash.OfFileAsync(path, cancellationToken));
                // A file that changed while it was hashed is hashed again.
                if (FileSnapshot.Of(path) != before)
                    continue;
                identified[path] = known;
            }
            return new StoredObject(bucket, key, before.Size, known.Hash, OccurrenceOf(before.Modified));
        }
    }

    /// <summary>A folder object's occurrence: its write time, which a new copy of the same bytes changes.</summary>
    public static string OccurrenceOf(DateTime lastWriteTimeUtc) => $"written:{lastWriteTimeUtc.Ticks}";

    public async Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}{PartialSuffix}";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
                await content.CopyToAsync(file, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(bucket, key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string bucket, string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (prefix.Contains("..") || prefix.StartsWith('/') || prefix.Contains('\\'))
            throw new InvalidObjectKeyException(prefix, "the prefix could point outside its bucket");
        // Only the folder the prefix names can hold matching keys; the rest of the prefix filters names.
        var bucketPath = BucketPath(bucket);
        var folder = Path.Combine(bucketPath, prefix[..(prefix.LastIndexOf('/') + 1)]);
        if (!Directory.Exists(folder))
            yield break;
        var keys = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(bucketPath, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && !IsPartialWrite(key))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return key;
        }
        await Task.CompletedTask;
    }

    public string BucketPath(string bucket) => Path.Combine(Root, BucketName(bucket));

    const string PartialSuffix = ".partial";

    // A write in progress is not an object yet: "{key}.{32 hex}.partial".
    static bool IsPartialWrite(string key)
    {
        if (!key.EndsWith(PartialSuffix, StringComparison.Ordinal) || key.Length < PartialSuffix.Length + 34)
            return false;
        var marker = key.AsSpan(key.Length - PartialSuffix.Length - 33, 33);
        return marker[0] == '.' && !marker[1..].ContainsAnyExcept("0123456789abcdef");
    }

    string PathOf(string bucket, string key)
    {
        ObjectKey.EnsureValid(key);
        var path = Path.GetFullPath(Path.Combine(BucketPath(bucket), key));
        // Belt and braces: the key rule already forbids '..', but the containment check is what matters.
        if (!path.StartsWith(BucketPath(bucket) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidObjectKeyException(key, "the key points outside its bucket");
        return path;
    }

    static string BucketName(string bucket) =>
        Buckets.All.Contains(bucket) ? bucket : throw new ArgumentException($"Unknown bucket '{bucket}'.", nameof(bucket));
}
