namespace ShoppableVideo.Consumers.Storage;

/// <summary>Upload URLs that a client PUTs a file to itself, so a large video never passes through an API
/// process: S3 presigned PUT URLs (<see cref="S3ObjectStore"/>). Folder buckets have no such thing, so the
/// embedded profile registers none.</summary>
public interface IPresignedUploads
{
    /// <summary>A URL for one PUT of one object under <paramref name="key"/>, valid until
    /// <paramref name="expiresAt"/>, signed for <paramref name="contentType"/> and for creating the key
    /// only (a key taken meanwhile refuses the PUT rather than being replaced).</summary>
    PresignedUpload PresignPut(string bucket, string key, string contentType, DateTime expiresAt);
}
