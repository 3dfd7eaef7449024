using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>One multipart upload, part by part through a single buffer: the peak memory is one part,
/// however long the video. S3 shows the object only once the upload completes; any failure aborts the
/// upload, so neither a half object nor its stored parts stay behind.</summary>
/// <param name="write">the object's metadata, and whether it may only create the key.</param>
sealed class S3MultipartUpload(IAmazonS3 client, string bucketName, string key, S3Write write)
{
    /// <param name="buffer">holds the first part (<paramref name="firstPartLength"/> bytes) and is then
    /// refilled from <paramref name="rest"/> for each following part.</param>
    /// <returns>the new object's ETag and size.</returns>
    public async Task<(string ETag, long Size)> RunAsync(byte[] buffer, int firstPartLength, Stream rest, int partSize, CancellationToken cancellationToken)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucketName, Key = key };
        write.AddMetadataTo(initiate.Metadata);
        var initiated = await client.InitiateMultipartUploadAsync(initiate, cancellationToken);
        var uploadId = initiated.UploadId;
        try
        {
            var parts = new List<PartETag>();
            var length = firstPartLength;
            long size = 0;
            while (length > 0)
            {
                size += length;
                parts.Add(await UploadPartAsync(uploadId, parts.Count + 1, buffer, length, cancellationToken));
                length = await S3ObjectStore.FillAsync(rest, buffer, partSize, cancellationToken);
            }
            // The condition is checked when the upload completes: a key taken meanwhile refuses it (412).
            var completed = await client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucketName,
                Key = key,
                UploadId = uploadId,
                PartETags = parts,
                IfNoneMatch = write.IfNoneMatch,
            }, cancellationToken);
            return (completed.ETag, size);
        }
        catch
        {
            await AbortAsync(uploadId);
            throw;
        }
    }

    async Task<PartETag> UploadPartAsync(string uploadId, int partNumber, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        using var part = new MemoryStream(buffer, 0, length, writable: false);
        var response = await client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucketName,
            Key = key,
            UploadId = uploadId,
            PartNumber = partNumber,
            PartSize = length,
            InputStream = part,
        }, cancellationToken);
        return new PartETag(partNumber, response.ETag);
    }

    async Task AbortAsync(string uploadId)
    {
        try
        {
            // Not the caller's token: a cancelled write must still clean up after itself.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await client.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = bucketName,
                Key = key,
                UploadId = uploadId,
            }, timeout.Token);
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException)
        {
            // The write's own failure is the one worth reporting. The object was never shown, and the
            // bucket's AbortIncompleteMultipartUpload lifecycle rule removes parts left by a failed abort.
        }
    }
}
