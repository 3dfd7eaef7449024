using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>The buckets: folders on one machine, S3 at scale. Keys are checked by <see cref="ObjectKey"/>
/// before any adapter touches them.</summary>
public interface IObjectStore
{
    /// <summary>Where ffmpeg/ffprobe can read the object from: a local path, or a URL for remote stores.</summary>
    string GetMediaLocation(string bucket, string key);

    Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>What the key holds now, identified as intake identifies it (SHA-256 on folders, the ETag on
    /// S3), or null when it holds nothing. A folder store reads the whole object: meant for manifests.</summary>
    Task<StoredObject?> IdentifyAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>Writes the whole object or nothing: readers never see a half-written object.</summary>
    Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default);

    Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default);

    /// <summary>The keys that start with <paramref name="prefix"/> (a plain string prefix, as S3's
    /// ListObjectsV2 takes it; empty for the whole bucket), in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string bucket, string prefix, CancellationToken cancellationToken = default);
}
