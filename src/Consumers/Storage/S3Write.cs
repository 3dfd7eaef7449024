using Amazon.S3.Model;

namespace ShoppableVideo.Consumers.Storage;

/// <summary>How an object is written to S3: over whatever the key holds, or only where it holds nothing
/// (<c>If-None-Match: *</c>, refused with 412 otherwise), and the content hash recorded beside it.</summary>
sealed record S3Write(bool OnlyIfAbsent, string? ContentHash)
{
    public static readonly S3Write Replacing = new(false, null);

    public string? IfNoneMatch => OnlyIfAbsent ? "*" : null;

    public void AddMetadataTo(MetadataCollection metadata)
    {
        if (ContentHash is not null)
            metadata.Add(S3ObjectStore.ContentHashMetadata, ContentHash);
    }
}
