namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Places staged uploads into a bucket without ever replacing an object: a key that holds nothing takes
/// the upload, a key that holds the very same bytes is accepted as it is, any other key is refused.
/// One adapter per kind of bucket, chosen by the profile: folders (<see cref="FolderBucketWriter"/>) and
/// S3 (<see cref="S3BucketWriter"/>).
/// </summary>
public interface IBucketWriter
{
    Task<Placement> PlaceAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Would <see cref="PlaceAsync"/> succeed now? For checking a whole batch before placing any of it.</summary>
    Task<BucketPlacement> ProbeAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken);

    /// <summary>Takes back an object this request placed, when a later part of the same upload failed.</summary>
    Task RemoveAsync(string bucket, string key, CancellationToken cancellationToken);
}
