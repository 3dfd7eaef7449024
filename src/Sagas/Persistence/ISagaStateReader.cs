namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Read side of saga persistence, for the status API and for resuming unfinished sagas at start-up.
/// Kept apart from the MassTransit write path so callers cannot bypass optimistic concurrency.
/// </summary>
public interface ISagaStateReader<TSaga>
    where TSaga : class
{
    Task<TSaga?> FindAsync(Guid correlationId, CancellationToken cancellationToken = default);

    /// <summary>Most recently updated first; <paramref name="state"/> narrows to one current state.</summary>
    Task<IReadOnlyList<TSaga>> ListAsync(int limit = 100, int offset = 0, string? state = null,
        CancellationToken cancellationToken = default);

    /// <summary>How many instances there are, or how many are in one current state: the total that pages of
    /// <see cref="ListAsync"/> add up to.</summary>
    Task<int> CountAsync(string? state = null, CancellationToken cancellationToken = default);

    /// <summary>Instances whose current state is none of <paramref name="finalStateNames"/>, oldest first.</summary>
    Task<IReadOnlyList<TSaga>> ListUnfinishedAsync(IReadOnlyCollection<string> finalStateNames,
        CancellationToken cancellationToken = default);
}
