using System.Buffers;
using System.Security.Cryptography;
using ShoppableVideo.Api.Hosting;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Where uploads land before they are judged and named: a folder in the data directory beside (not in)
/// the buckets, so the bucket watcher never sees a half-received upload, and on the same disk, so
/// moving a finished upload into a folder bucket is a rename. In the aws profile it is the API
/// process's own disk: an upload is judged whole (and may take the next numbered name) before a byte
/// goes to S3, and then streams up from here. Bytes are hashed and counted as they stream
/// through; nothing holds a whole upload in memory.
/// </summary>
public sealed class StagingArea(DataDirectory data)
{
    const int ChunkSize = 1 << 16;

    public string Folder { get; } = ClearedFolder(System.IO.Path.Combine(data.Root, "uploads-staging"));

    // Whatever is here when the area is created was cut off by a crash or a kill: no request can be
    // using it yet (the area is a singleton, created before its first upload), and nothing resumes it.
    static string ClearedFolder(string folder)
    {
        if (Directory.Exists(folder))
            foreach (var leftover in Directory.EnumerateFiles(folder, "*.partial"))
                File.Delete(leftover);
        return folder;
    }

    /// <summary>Writes <paramref name="head"/> and then the rest of <paramref name="body"/> to a new
    /// staged file. Past <paramref name="limit"/> bytes it stops, deletes what it wrote and throws.</summary>
    /// <exception cref="UploadTooLargeException">the content is longer than the limit.</exception>
    public async Task<StagedFile> StageAsync(ReadOnlyMemory<byte> head, Stream body, long limit, string what, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var path = System.IO.Path.Combine(Folder, $"{Guid.NewGuid():N}.partial");
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true))
            {
                await Append(head);
                int read;
                while ((read = await body.ReadAsync(buffer.AsMemory(0, ChunkSize), cancellationToken)) > 0)
                    await Append(buffer.AsMemory(0, read));

                async Task Append(ReadOnlyMemory<byte> chunk)
                {
                    size += chunk.Length;
                    if (size > limit)
                        throw new UploadTooLargeException(what, limit);
                    hash.AppendData(chunk.Span);
                    await file.WriteAsync(chunk, cancellationToken);
                }
            }
            return new StagedFile(path, size, "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
