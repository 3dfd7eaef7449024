using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>An S3 record as the object the rest of the system knows. S3 events carry the ETag, not a
/// SHA-256, and reading a whole video to hash it would make intake as slow as the upload; so the content
/// identity is the ETag (an MD5 for single-part uploads, a digest of the parts' MD5s for multipart ones),
/// marked "s3-etag:" so it is never mistaken for the embedded profile's SHA-256. Bucket, key, size and
/// ETag together name one version of one object: the same upload always gives the same saga id, a new
/// upload under the same key a new one.</summary>
public static class S3ObjectEvents
{
    public const string ETagPrefix = "s3-etag:";

    /// <returns>the stored object, or null for records that start nothing here (not a creation, or a bucket
    /// not mapped to a logical one).</returns>
    public static StoredObject? ToStoredObject(S3ObjectRecord record, IReadOnlyDictionary<string, string> buckets) =>
        record.IsObjectCreated && buckets.TryGetValue(record.Bucket, out var logical)
            ? new StoredObject(logical, record.Key, record.Size, ETagPrefix + record.ETag)
            : null;
}
