using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>Buckets as S3 buckets (the aws profile). Reads stream the response body; writes hold at most
/// one part in memory (<see cref="S3StorageOptions.PartSize"/>) and go up as one PutObject or as a
/// multipart upload, so readers see a whole object or none. ffmpeg reads through a presigned URL, and
/// clients upload large videos through presigned PUT URLs.</summary>
public sealed class S3ObjectStore(IAmazonS3 client, S3StorageOptions options) : IObjectStore, IPresignedUploads
{
    readonly S3StorageOptions options = options.Validated();

    public string GetMediaLocation(string bucket, string key)
    {
        var bucketName = BucketFor(bucket, key);
        return client.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = bucketName,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + options.MediaUrlLifetime,
            Protocol = PresignedProtocol,
        });
    }

    public PresignedUpload PresignPut(string bucket, string key, string contentType, DateTime expiresAt)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = BucketFor(bucket, key),
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expiresAt,
            ContentType = contentType,
            Protocol = PresignedProtocol,
        };
        // Signed with the URL, so the PUT must carry it: S3 creates the key or refuses (412), never replaces.
        request.Headers[IfNoneMatchHeader] = "*";
        return new PresignedUpload(new Uri(client.GetPreSignedURL(request)),
            new Dictionary<string, string> { ["Content-Type"] = contentType, [IfNoneMatchHeader] = "*" });
    }

    const string IfNoneMatchHeader = "If-None-Match";

    // A local server speaks plain http; a presigned https URL to it would not connect.
    Protocol PresignedProtocol => options.ServiceUrl?.Scheme == Uri.UriSchemeHttp ? Protocol.HTTP : Protocol.HTTPS;

    public async Task<Stream> OpenReadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var bucketName = BucketFor(bucket, key);
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucketName, Key = key }, cancellationToken);
            return new S3ObjectReadStream(response);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchKey")
        {
            // What FolderObjectStore throws for a missing file, and what callers treat as "gone for good".
            // A missing bucket stays an S3 error: that is a configuration fault, worth retrying once fixed.
            throw new FileNotFoundException("the object does not exist", key, e);
        }
    }

    public async Task<bool> ExistsAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var bucketName = BucketFor(bucket, key);
        try
        {
            await client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucketName, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<StoredObject?> IdentifyAsync(string bucket, string key, CancellationToken cancellationToken = default) =>
        (await HeadAsync(bucket, key, cancellationToken))?.Object;

    /// <summary>What the key holds, identified as intake identifies it (the ETag), with the SHA-256 an
    /// upload recorded beside it (<see cref="CreateAsync"/>); null when it holds nothing.</summary>
    public async Task<S3ObjectHead?> HeadAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await client.GetObjectMetadataAsync(
                new GetObjectMetadataRequest { BucketName = BucketFor(bucket, key), Key = key }, cancellationToken);
            return new S3ObjectHead(new StoredObject(bucket, key, head.ContentLength, S3ObjectEvents.ETagPrefix + head.ETag.Trim('"')),
                head.Metadata[ContentHashMetadata]);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task WriteAsync(string bucket, string key, Stream content, CancellationToken cancellationToken = default) =>
        await PutAsync(bucket, key, content, S3Write.Replacing, cancellationToken);

    /// <summary>The user metadata (x-amz-meta-…) that holds the SHA-256 of an object written by <see cref="CreateAsync"/>.</summary>
    public const string ContentHashMetadata = "content-sha256";

    /// <summary>Writes the object only where the key holds nothing: a conditional write (<c>If-None-Match: *</c>,
    /// on the PutObject or on completing the multipart upload), which S3 decides atomically, so of two
    /// writers racing for one key one wins and the other is refused. <paramref name="contentHash"/> is
    /// recorded with the object, so a later upload can tell the same bytes without reading them back.
    /// A server that ignores the condition (fauxqs 2.4) replaces the object instead: callers look first.</summary>
    /// <returns>the new object, identified as intake will identify it; null when the key is taken.</returns>
    public async Task<StoredObject?> CreateAsync(string bucket, string key, Stream content, string contentHash,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await PutAsync(bucket, key, content, new S3Write(OnlyIfAbsent: true, contentHash), cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            // 412: the key holds an object. 409 (ConditionalRequestConflict): another write to the key was
            // in flight; either way the caller judges what the key holds now.
            return null;
        }
    }

    async Task<StoredObject> PutAsync(string bucket, string key, Stream content, S3Write write, CancellationToken cancellationToken)
    {
        var bucketName = BucketFor(bucket, key);
        var buffer = ArrayPool<byte>.Shared.Rent(options.PartSize);
        try
        {
            var length = await FillAsync(content, buffer, options.PartSize, cancellationToken);
            if (length < options.PartSize)
            {
                // All of it fits one part: one request, with a known length, which S3 stores whole or not at all.
                using var whole = new MemoryStream(buffer, 0, length, writable: false);
                var put = new PutObjectRequest { BucketName = bucketName, Key = key, InputStream = whole, IfNoneMatch = write.IfNoneMatch };
                write.AddMetadataTo(put.Metadata);
                var response = await client.PutObjectAsync(put, cancellationToken);
                return Identified(response.ETag, length);
            }
            var (etag, size) = await new S3MultipartUpload(client, bucketName, key, write)
                .RunAsync(buffer, length, content, options.PartSize, cancellationToken);
            return Identified(etag, size);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        StoredObject Identified(string etag, long size) => new(bucket, key, size, S3ObjectEvents.ETagPrefix + etag.Trim('"'));
    }

    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken = default)
    {
        var bucketName = BucketFor(bucket, key);
        // S3 answers a delete of a missing key with success, as File.Delete does.
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucketName, Key = key }, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string bucket, string prefix,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (prefix.Contains("..") || prefix.StartsWith('/') || prefix.Contains('\\'))
            throw new InvalidObjectKeyException(prefix, "the prefix could point outside its bucket");
        var request = new ListObjectsV2Request
        {
            BucketName = options.PhysicalBucket(bucket),
            Prefix = prefix,
            MaxKeys = options.ListPageSize,
        };
        // S3 lists in UTF-8 byte order, which is ordinal order for every key without characters beyond
        // the Basic Multilingual Plane; sorting here instead would hold a whole listing in memory.
        while (true)
        {
            var page = await client.ListObjectsV2Async(request, cancellationToken);
            // SDK v4 leaves an empty collection null.
            foreach (var item in page.S3Objects ?? [])
                yield return item.Key;
            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
                yield break;
            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in the buffer or the content ends: a
    /// network stream hands out less than asked, and a part must be full before the next one starts.</summary>
    internal static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken cancellationToken) =>
        await content.ReadAtLeastAsync(buffer.AsMemory(0, count), count, throwOnEndOfStream: false, cancellationToken);

    string BucketFor(string bucket, string key)
    {
        ObjectKey.EnsureValid(key);
        return options.PhysicalBucket(bucket);
    }
}
