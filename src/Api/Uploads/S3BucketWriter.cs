using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Puts staged uploads into the S3 buckets (the aws profile) without ever replacing an object. It looks
/// first (HEAD): a key holding the same bytes is accepted as it is, one holding other bytes refused, and
/// neither costs an upload. A free key is then written conditionally (<c>If-None-Match: *</c>), which S3
/// decides atomically, so two uploads racing for one key cannot both win; the loser judges the winner.
/// A server that ignores the condition (fauxqs 2.4.1 does) leaves a race: two uploads that both find
/// the key free between the HEAD and the PUT both write it, and the later one replaces the earlier.
/// </summary>
public sealed class S3BucketWriter(S3ObjectStore store) : IBucketWriter
{
    // A conditional write answered 409 (another write to the key was in flight) and then a HEAD that
    // finds nothing: that write failed, so the key is free again. Bounded, so a flapping key ends.
    const int Attempts = 3;

    public async Task<Placement> PlaceAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (await store.HeadAsync(bucket, key, cancellationToken) is { } existing)
                return await HoldsSameBytes(existing, staged, cancellationToken)
                    ? new Placement(BucketPlacement.AlreadyStored, existing.Object)
                    : Placement.KeyTaken;
            await using var content = staged.OpenRead();
            if (await store.CreateAsync(bucket, key, content, staged.ContentHash, cancellationToken) is { } created)
                return new Placement(BucketPlacement.Stored, created);
        }
        return Placement.KeyTaken;
    }

    public async Task<BucketPlacement> ProbeAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken) =>
        await store.HeadAsync(bucket, key, cancellationToken) is not { } existing ? BucketPlacement.Stored
        : await HoldsSameBytes(existing, staged, cancellationToken) ? BucketPlacement.AlreadyStored
        : BucketPlacement.KeyTaken;

    public Task RemoveAsync(string bucket, string key, CancellationToken cancellationToken) =>
        store.DeleteAsync(bucket, key, cancellationToken);

    /// <summary>By the SHA-256 an upload recorded with the object; an object put into S3 some other way
    /// (a presigned PUT, the console) has none, and is read back and hashed, once its size matches.</summary>
    async Task<bool> HoldsSameBytes(S3ObjectHead existing, StagedFile staged, CancellationToken cancellationToken)
    {
        if (existing.Object.Size != staged.Size)
            return false;
        if (existing.ContentHash is { } recorded)
            return recorded == staged.ContentHash;
        await using var content = await store.OpenReadAsync(existing.Object.Bucket, existing.Object.Key, cancellationToken);
        return await ContentHash.OfAsync(content, cancellationToken) == staged.ContentHash;
    }
}
