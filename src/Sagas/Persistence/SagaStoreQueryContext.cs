using MassTransit;
using MassTransit.Middleware;
using MassTransit.Saga;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Loads and queries outside message consumption, for MassTransit's ILoadSagaRepository and
/// IQuerySagaRepository (the test harness uses these to find instances).
/// </summary>
public sealed class SagaStoreQueryContext<TSaga> :
    BasePipeContext,
    LoadSagaRepositoryContext<TSaga>,
    QuerySagaRepositoryContext<TSaga>
    where TSaga : class, ISagaVersion
{
    readonly ISagaStore<TSaga> _repository;

    public SagaStoreQueryContext(ISagaStore<TSaga> repository, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _repository = repository;
    }

    public async Task<TSaga> Load(Guid correlationId) =>
        (await _repository.FindAsync(correlationId, CancellationToken).ConfigureAwait(false))!;

    public async Task<SagaRepositoryQueryContext<TSaga>> Query(ISagaQuery<TSaga> query,
        CancellationToken cancellationToken = default)
    {
        var ids = await _repository.FindIdsAsync(query, cancellationToken).ConfigureAwait(false);
        return new DefaultSagaRepositoryQueryContext<TSaga>(this, ids);
    }
}
