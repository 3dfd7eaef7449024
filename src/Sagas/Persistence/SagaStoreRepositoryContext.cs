using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// What MassTransit's saga pipeline calls while one message is consumed: maps its Add/Insert/Load and
/// Save/Update/Delete steps onto the saga store. Each step is one short, version-checked write, so nothing is
/// held open while the state machine runs its activities; the version check catches what happened meanwhile.
/// </summary>
public sealed class SagaStoreRepositoryContext<TSaga, TMessage> :
    ConsumeContextScope<TMessage>,
    SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    readonly ConsumeContext<TMessage> _context;
    readonly ISagaStore<TSaga> _repository;
    readonly ISagaConsumeContextFactory<ISagaStore<TSaga>, TSaga> _factory;

    public SagaStoreRepositoryContext(ISagaStore<TSaga> repository, ConsumeContext<TMessage> context,
        ISagaConsumeContextFactory<ISagaStore<TSaga>, TSaga> factory)
        : base(context)
    {
        _repository = repository;
        _context = context;
        _factory = factory;
    }

    // A new instance stays in memory until the pipeline succeeds; Save then inserts it.
    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Add);

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        try
        {
            await _repository.InsertAsync(instance, CancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyException)
        {
            // The contract: return nothing when the instance already exists, and the pipeline loads it.
            return null!;
        }

        return await _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Insert)
            .ConfigureAwait(false);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await _repository.FindAsync(correlationId, CancellationToken).ConfigureAwait(false);
        if (instance is null)
            return null!;

        return await _factory.CreateSagaConsumeContext(_repository, _context, instance, SagaConsumeContextMode.Load)
            .ConfigureAwait(false);
    }

    // A conflict here (a duplicate key, a failed attribute_not_exists) means another message created the
    // same saga first: the retry loads it.
    public Task Save(SagaConsumeContext<TSaga> context) => _repository.InsertAsync(context.Saga, CancellationToken);

    public Task Update(SagaConsumeContext<TSaga> context) => _repository.UpdateAsync(context.Saga, CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) => _repository.DeleteAsync(context.Saga, CancellationToken);

    // Nothing was written for an added instance, and loaded ones are only written on Update.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance,
        SagaConsumeContextMode mode)
        where T : class =>
        _factory.CreateSagaConsumeContext(_repository, consumeContext, instance, mode);
}
