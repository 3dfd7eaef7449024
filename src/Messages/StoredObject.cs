namespace ShoppableVideo.Messages;

/// <summary>An object in a bucket, identified the way intake de-duplicates it. Occurrence tells one write of
/// these bytes under this key from another (a folder bucket's write time); only a catalog manifest's counts,
/// so dropping a manifest again, or rolling back to an earlier one's bytes, applies it again. Null where the
/// store cannot tell (S3: there <c>reindex</c> applies the bucket's manifests again).</summary>
public record StoredObject(string Bucket, string Key, long Size, string ContentHash, string? Occurrence = null)
{
    /// <summary>Same bytes under the same key, whenever they were written.</summary>
    public bool HoldsSameContentAs(StoredObject other) =>
        Bucket == other.Bucket && Key == other.Key && Size == other.Size && ContentHash == other.ContentHash;
}
