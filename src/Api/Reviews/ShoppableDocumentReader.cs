using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Reads a video's machine document from the output bucket, the latest version or an older one, and
/// serves it with its reviews.</summary>
public sealed class ShoppableDocumentReader(IObjectStore store, IReviewStore reviews)
{
    /// <summary>The machine document of <paramref name="version"/> (the latest when null), or null when the video
    /// has no such version.</summary>
    public async Task<ShoppableDocument?> ReadOriginalAsync(Guid videoId, CancellationToken cancellationToken, int? version = null) =>
        await FindAsync(videoId, version, cancellationToken) is { } stored
            ? await ShoppableVersions.ReadAsync(store, stored.Key, cancellationToken)
            : null;

    public async Task<ReviewedDocument?> ReadReviewedAsync(Guid videoId, CancellationToken cancellationToken, int? version = null) =>
        await ReadOriginalAsync(videoId, cancellationToken, version) is { } original
            ? ReviewApplier.Apply(original, await reviews.ListAsync(videoId, cancellationToken))
            : null;

    /// <summary>The stored key of <paramref name="version"/> (the latest when null), or null.</summary>
    public async Task<StoredVersion?> FindAsync(Guid videoId, int? version, CancellationToken cancellationToken)
    {
        var versions = await ShoppableVersions.ListAsync(store, videoId, cancellationToken);
        return version is { } wanted ? versions.FirstOrDefault(v => v.Version == wanted) : versions.LastOrDefault();
    }

    /// <summary>Every version, oldest first, with when and why it was written. Version 1 is the first
    /// processing's, written when the video completed (<paramref name="completedAt"/>).</summary>
    public async Task<IReadOnlyList<DocumentVersion>> ListVersionsAsync(Guid videoId, DateTimeOffset? completedAt, CancellationToken cancellationToken)
    {
        var listed = new List<DocumentVersion>();
        foreach (var stored in await ShoppableVersions.ListAsync(store, videoId, cancellationToken))
        {
            if (stored.Version == 1)
            {
                listed.Add(new DocumentVersion(1, completedAt, DocumentVersion.FirstProcessing, stored.Key));
                continue;
            }
            var document = await ShoppableVersions.ReadAsync(store, stored.Key, cancellationToken);
            listed.Add(new DocumentVersion(stored.Version, document.CreatedAt, document.Reason ?? "", stored.Key));
        }
        return listed;
    }
}

/// <summary>One version of a video's shoppable document, as <c>GET /videos/{id}/versions</c> lists it.</summary>
public record DocumentVersion(int Version, DateTimeOffset? CreatedAt, string Reason, string Key)
{
    public const string FirstProcessing = "first processing";
}
