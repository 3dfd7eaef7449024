namespace ShoppableVideo.Sagas.Artifacts;

/// <summary>
/// Index of the outputs a saga has produced (frames, segments, metadata, frame signals), keyed so that a
/// replayed step records the same artifact again instead of a duplicate. SQLite in the embedded profile,
/// a DynamoDB table in the aws profile.
/// </summary>
public interface IArtifactIndex
{
    // ownerId is a string, as a DynamoDB partition key is: a saga's CorrelationId (formatted "D") or a product id.

    /// <summary>Records or overwrites the artifact; recording the same key twice leaves one entry.</summary>
    Task RecordAsync(string ownerId, string kind, string key, string? attributesJson = null,
        CancellationToken cancellationToken = default);

    /// <summary>The owner's artifacts ordered by kind then key; all kinds when <paramref name="kind"/> is null.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListAsync(string ownerId, string? kind = null,
        CancellationToken cancellationToken = default);
}
