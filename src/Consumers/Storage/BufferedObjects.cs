namespace ShoppableVideo.Consumers.Storage;

/// <summary>Binary artifacts written and read whole through memory: a writer or reader of many small
/// fields (BinaryWriter, BinaryReader) would otherwise make as many small calls on an S3 stream.</summary>
public static class BufferedObjects
{
    public static async Task WriteBufferedAsync(this IObjectStore store, string bucket, string key, Action<Stream> write,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        await store.WriteAsync(bucket, key, buffer, cancellationToken);
    }

    public static async Task<T> ReadBufferedAsync<T>(this IObjectStore store, string bucket, string key, Func<Stream, T> read,
        CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(bucket, key, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return read(buffer);
    }
}
