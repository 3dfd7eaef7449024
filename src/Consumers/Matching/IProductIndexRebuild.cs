namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// A product index that a re-index rebuilds beside the one it serves, so readers never see a half-built
/// catalog: only the OpenSearch index, shared by many processes that keep serving videos while the catalog is
/// applied again. The SQLite index has none: one process owns it and a re-index updates it in place, as it
/// always has; the re-index and the batch-completion consumer simply find no rebuild to drive.
/// </summary>
public interface IProductIndexRebuild
{
    /// <summary>Starts building the next version of the index, to be completed by these re-index batches. Until it
    /// is swapped in, writes go to both versions and reads to the serving one. An unfinished earlier rebuild is
    /// dropped: this one starts from the catalog bucket as it is now.</summary>
    Task BeginRebuildAsync(IReadOnlyCollection<Guid> batchIds, CancellationToken cancellationToken);

    /// <summary>A catalog batch finished. When it was the last one the rebuild waited for, the new version replaces
    /// the serving one; a batch of the rebuild that failed abandons it, leaving the serving version as it is. A
    /// batch of no rebuild, or heard again, changes nothing.</summary>
    Task BatchFinishedAsync(Guid batchId, bool completed, CancellationToken cancellationToken);
}
