using System.Globalization;
using System.Text.Json;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Metadata;

/// <summary>
/// The versions of a video's machine document in the output bucket: version 1 at
/// <c>videos/{id:N}/shoppable.json</c> (the first processing's, the key every reader knew before re-matching),
/// version n ≥ 2 at <c>videos/{id:N}/shoppable.v{n}.json</c>. The bucket is the record: listing the keys gives
/// the history, and each document says when and why it was written.
/// </summary>
public static class ShoppableVersions
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string KeyFor(Guid videoId, int version) =>
        version <= 1 ? ShoppableDocument.KeyFor(videoId) : $"videos/{videoId:N}/shoppable.v{version}.json";

    /// <summary>Every stored version, oldest first.</summary>
    public static async Task<IReadOnlyList<StoredVersion>> ListAsync(IObjectStore store, Guid videoId, CancellationToken cancellationToken)
    {
        var prefix = $"videos/{videoId:N}/shoppable.";
        var versions = new List<StoredVersion>();
        await foreach (var key in store.ListAsync(Buckets.Output, prefix, cancellationToken))
        {
            var rest = key[prefix.Length..];
            if (rest == "json")
                versions.Add(new StoredVersion(1, key));
            else if (rest.StartsWith('v') && rest.EndsWith(".json", StringComparison.Ordinal)
                     && int.TryParse(rest[1..^".json".Length], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2)
                versions.Add(new StoredVersion(n, key));
        }
        return versions.OrderBy(v => v.Version).ToList();
    }

    public static async Task<ShoppableDocument> ReadAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(Buckets.Output, key, cancellationToken);
        return await JsonSerializer.DeserializeAsync<ShoppableDocument>(stream, Json, cancellationToken)
               ?? throw new InvalidDataException($"The shoppable document at {key} is empty.");
    }

    public static Task WriteAsync(IObjectStore store, ShoppableDocument document, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, PublishMetadataConsumer.JsonOptions);
        return store.WriteAsync(Buckets.Output, KeyFor(document.VideoId, document.VersionNumber), new MemoryStream(bytes), cancellationToken);
    }
}

/// <summary>One stored version of a video's machine document.</summary>
public sealed record StoredVersion(int Version, string Key);
