using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Uploads;

/// <summary>
/// Moves staged uploads into the folder buckets (the embedded profile). The move refuses an existing
/// target atomically (two uploads racing for one key cannot both win), and an existing target is only
/// accepted when it holds the very same bytes. Staging is on the buckets' disk, so the move is a rename.
/// </summary>
public sealed class FolderBucketWriter(FolderObjectStore store) : IBucketWriter
{
    public async Task<Placement> PlaceAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken)
    {
        var target = store.GetMediaLocation(bucket, key); // validates the key and keeps it inside the bucket
        var outcome = BucketPlacement.KeyTaken;
        if (!File.Exists(target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(staged.Path, target, overwrite: false);
                outcome = BucketPlacement.Stored;
            }
            catch (IOException) when (File.Exists(target))
            {
                // Lost a race for the key; judge what won below.
            }
        }
        if (outcome != BucketPlacement.Stored && await HoldsSameBytes(target, staged, cancellationToken))
            outcome = BucketPlacement.AlreadyStored;
        return outcome == BucketPlacement.KeyTaken
            ? Placement.KeyTaken
            // As the bucket watcher will announce it: its write time is a catalog object's occurrence.
            : new Placement(outcome, new StoredObject(bucket, key, staged.Size, staged.ContentHash,
                FolderObjectStore.OccurrenceOf(File.GetLastWriteTimeUtc(target))));
    }

    public async Task<BucketPlacement> ProbeAsync(StagedFile staged, string bucket, string key, CancellationToken cancellationToken)
    {
        var target = store.GetMediaLocation(bucket, key);
        if (!File.Exists(target))
            return BucketPlacement.Stored;
        return await HoldsSameBytes(target, staged, cancellationToken) ? BucketPlacement.AlreadyStored : BucketPlacement.KeyTaken;
    }

    public Task RemoveAsync(string bucket, string key, CancellationToken cancellationToken) =>
        store.DeleteAsync(bucket, key, cancellationToken);

    static async Task<bool> HoldsSameBytes(string target, StagedFile staged, CancellationToken cancellationToken) =>
        new FileInfo(target).Length == staged.Size
        && await ContentHash.OfFileAsync(target, cancellationToken) == staged.ContentHash;
}
