using MassTransit;
using MassTransit.Saga;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// The extension point MassTransit's saga pipeline resolves (per scope) to reach the saga store,
/// for consuming messages, for query-correlated events, and for load/query lookups.
/// </summary>
public sealed class SagaStoreRepositoryContextFactory<TSaga> :
    ISagaRepositoryContextFactory<TSaga>,
    ILoadSagaRepositoryContextFactory<TSaga>,
    IQuerySagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    readonly ISagaStore<TSaga> _repository;
    readonly ISagaConsumeContextFactory<ISagaStore<TSaga>, TSaga> _factory;

    public SagaStoreRepositoryContextFactory(ISagaStore<TSaga> repository,
        ISagaConsumeContextFactory<ISagaStore<TSaga>, TSaga> factory)
    {
        _repository = repository;
        _factory = factory;
    }

    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class =>
        next.Send(new SagaStoreRepositoryContext<TSaga, T>(_repository, context, _factory));

    public async Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query,
        IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class
    {
        var ids = await _repository.FindIdsAsync(query, context.CancellationToken).ConfigureAwait(false);
        var repositoryContext = new SagaStoreRepositoryContext<TSaga, T>(_repository, context, _factory);
        // Each matched id is loaded afresh through the repository context, so it carries its current version.
        await next.Send(new DefaultSagaRepositoryQueryContext<TSaga, T>(repositoryContext, ids)).ConfigureAwait(false);
    }

    Task<T> ILoadSagaRepositoryContextFactory<TSaga>.Execute<T>(Func<LoadSagaRepositoryContext<TSaga>, Task<T>> asyncMethod,
        CancellationToken cancellationToken) =>
        asyncMethod(new SagaStoreQueryContext<TSaga>(_repository, cancellationToken));

    Task<T> IQuerySagaRepositoryContextFactory<TSaga>.Execute<T>(Func<QuerySagaRepositoryContext<TSaga>, Task<T>> asyncMethod,
        CancellationToken cancellationToken) =>
        asyncMethod(new SagaStoreQueryContext<TSaga>(_repository, cancellationToken));

    public void Probe(ProbeContext context)
    {
        context.Add("persistence", _repository.Persistence);
        context.Add("sagaType", _repository.SagaType);
    }
}
