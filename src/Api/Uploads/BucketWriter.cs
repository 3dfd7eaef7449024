using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Moves staged uploads into the folder buckets without ever replacing an object: the move refuses an
/// existing target atomically (two uploads racing for one key cannot both win), and an existing target
/// is only accepted when it holds the very same bytes. An S3 store would do the same with a
/// conditional PUT (If-None-Match: *).
/// </summary>
public sealed class BucketWriter(FolderObjectStore store)
{
    /// <summary>The object a placed key holds, as the bucket watcher will announce it (its occurrence included).</summary>
    public StoredObject Placed(StagedFile staged, string bucket, string key) => new(bucket, key, staged.Size, staged.ContentHash,
        FolderObjectStore.OccurrenceOf(File.GetLastWriteTimeUtc(store.GetMediaLocation(bucket, key))));

    public async Task<BucketPlacement> PlaceAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken)
    {
        var target = store.GetMediaLocation(bucket, key); // validates the key and keeps it inside the bucket
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(staged.Path, target, overwrite: false);
                return BucketPlacement.Stored;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Lost a race for the key; judge what won below.
            }
        }
        return await HoldsSameBytes(target, staged, cancellationToken) ? BucketPlacement.AlreadyStored : BucketPlacement.KeyTaken;
    }

    /// <summary>Would <see cref="PlaceAsync"/> succeed now? For checking a whole batch before moving any of it.</summary>
    public async Task<BucketPlacement> ProbeAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken)
    {
        var target = store.GetMediaLocation(bucket, key);
        if (!File.Exists(target))
            return BucketPlacement.Stored;
        return await HoldsSameBytes(target, staged, cancellationToken) ? BucketPlacement.AlreadyStored : BucketPlacement.KeyTaken;
    }

    /// <summary>Takes back an object this request placed, when a later part of the same upload failed.</summary>
    public void Remove(string bucket, string key) => File.Delete(store.GetMediaLocation(bucket, key));

    static async Task<bool> HoldsSameBytes(string target, StagedFile staged, CancellationToken cancellationToken) =>
        new FileInfo(target).Length == staged.Size
        && await ContentHash.OfFileAsync(target, cancellationToken) == staged.ContentHash;
}
