using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppableVideo.Sagas.Persistence;

public static class SagaStoreRegistration
{
    /// <summary>Wires the registered <see cref="ISagaStore{TSaga}"/> into MassTransit's saga pipeline, for
    /// consuming, query-correlated events and the load/query lookups the test harness uses.</summary>
    public static IServiceCollection AddSagaStoreRepository<TSaga>(this IServiceCollection services)
        where TSaga : class, ISagaVersion
    {
        services.RegisterLoadSagaRepository<TSaga, SagaStoreRepositoryContextFactory<TSaga>>();
        services.RegisterQuerySagaRepository<TSaga, SagaStoreRepositoryContextFactory<TSaga>>();
        services.RegisterSagaRepository<TSaga, ISagaStore<TSaga>,
            SagaConsumeContextFactory<ISagaStore<TSaga>, TSaga>, SagaStoreRepositoryContextFactory<TSaga>>();
        return services;
    }
}
