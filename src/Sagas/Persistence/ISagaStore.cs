using MassTransit;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// What MassTransit's saga pipeline needs of a saga store (SQLite, DynamoDB): writes that check the
/// saga's version and throw <see cref="ConcurrencyException"/> when another message got there first, so
/// the endpoint's retry reloads and reapplies. The pipeline glue (<see cref="SagaStoreRepositoryContext{TSaga,TMessage}"/>
/// and its factory) is written once over this.
/// </summary>
public interface ISagaStore<TSaga> : ISagaStateReader<TSaga>
    where TSaga : class, ISagaVersion
{
    /// <summary>What the store calls the saga's kind; shown when MassTransit probes the bus.</summary>
    string SagaType { get; }

    /// <summary>Name of the store, shown when MassTransit probes the bus ("sqlite", "dynamodb").</summary>
    string Persistence { get; }

    /// <exception cref="ConcurrencyException">a saga with this id exists already.</exception>
    Task InsertAsync(TSaga instance, CancellationToken cancellationToken = default);

    /// <exception cref="ConcurrencyException">the stored version is not the one this instance was loaded at.</exception>
    Task UpdateAsync(TSaga instance, CancellationToken cancellationToken = default);

    Task DeleteAsync(TSaga instance, CancellationToken cancellationToken = default);

    Task<IList<Guid>> FindIdsAsync(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default);
}
