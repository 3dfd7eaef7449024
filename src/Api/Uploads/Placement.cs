using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>How a placement ended, and the object the key holds as the bucket's own event announces it
/// (folders: SHA-256 and write time; S3: the ETag), so announcing it names the saga the event would.
/// <see cref="Object"/> is null when the key was taken.</summary>
public sealed record Placement(BucketPlacement Outcome, StoredObject? Object)
{
    public static readonly Placement KeyTaken = new(BucketPlacement.KeyTaken, null);
}
