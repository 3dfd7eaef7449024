namespace ShoppableVideo.Api.Uploads;

/// <summary>An upload streamed to the staging folder, with the size and content hash measured on the
/// way. Disposing deletes it unless it was moved into a bucket, so every refusal cleans up.</summary>
public sealed class StagedFile(string path, long size, string contentHash) : IDisposable
{
    public string Path { get; } = path;
    public long Size { get; } = size;
    public string ContentHash { get; } = contentHash;

    public Stream OpenRead() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    public void Dispose() => File.Delete(Path);
}
