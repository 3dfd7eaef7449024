using System.Runtime.CompilerServices;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Replay;

/// <summary>Buckets in memory: where the replay tests put the objects a remote job would have written.</summary>
public sealed class MemoryObjectStore : IObjectStore
{
    readonly Dictionary<(string Bucket, string Key), byte[]> _objects = [];

    public void Put(string bucket, string key, byte[]? content = null) => _objects[(bucket, key)] = content ?? [];

    public string GetMediaLocation(string bucket, string key) => $"memory://{bucket}/{key}";

    public Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue((bucket, key), out var content)
            ? Task.FromResult<Stream>(new MemoryStream(content))
            : throw new FileNotFoundException("no such object", key);

    public Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_objects.ContainsKey((bucket, key)));

    public async Task<StoredObject?> IdentifyAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        _objects.TryGetValue((bucket, key), out var content)
            ? new StoredObject(bucket, key, content.Length, await ContentHash.OfAsync(new MemoryStream(content), cancellationToken))
            : null;

    public async Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        _objects[(bucket, key)] = buffer.ToArray();
    }

    public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        _objects.Remove((bucket, key));
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<string> ListAsync(string bucket, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var key in _objects.Keys.Where(k => k.Bucket == bucket && k.Key.StartsWith(prefix, StringComparison.Ordinal))
                     .Select(k => k.Key).Order(StringComparer.Ordinal))
            yield return key;
    }
}
