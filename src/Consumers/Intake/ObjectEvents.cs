using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Intake;

/// <summary>Turns a complete object into the event that starts its saga. The saga id is derived from the
/// object's identity (bucket, key, size, content hash): the same object always names the same saga, so
/// it is processed once however often it is announced; a changed object is a new one. A catalog
/// manifest's identity also holds its occurrence, so writing it again (a re-drop, or a rollback to an
/// earlier version's bytes) applies it again, while announcing the same write twice does not.</summary>
public static class ObjectEvents
{
    /// <summary>A catalog manifest's id also names the width of the colour histogram its products were
    /// described with. The product index forgets products described by another width at start-up
    /// (<see cref="SqliteProductIndex"/>), and this makes the next announcement of the same manifest a new
    /// batch, so they are described again instead of the old batch's id finding its work already done.</summary>
    public static Guid SagaIdFor(StoredObject stored)
    {
        var identity = $"{stored.Bucket}|{stored.Key}|{stored.Size}|{stored.ContentHash}";
        return NameBasedGuid.From(stored.Bucket == Buckets.Catalog
            ? $"{identity}|{stored.Occurrence}|colour-{ColourDescriptor.Bins}"
            : identity);
    }

    /// <summary>The event for an object, or null for objects that start nothing (catalog photos wait
    /// for the manifest that names them).</summary>
    public static object? For(StoredObject stored) => stored.Bucket switch
    {
        Buckets.Videos => new VideoObjectCreated(SagaIdFor(stored), stored),
        Buckets.Catalog when IsManifest(stored.Key) => new CatalogManifestCreated(SagaIdFor(stored), stored),
        _ => null,
    };

    public static bool IsManifest(string key) =>
        key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
