using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Sagas.Persistence;

public static class SqliteSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persists this saga in the <see cref="SqliteDatabase"/> registered in the container (see
    /// <see cref="SqliteServiceCollectionExtensions.AddSqliteDatabase"/>; its table is added to that file), and registers
    /// <see cref="ISagaStateReader{TSaga}"/> for the status API.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> SqliteRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<SqliteSagaRepositoryOptions<TSaga>>? configure = null)
        where TSaga : class, ISagaVersion
    {
        var options = new SqliteSagaRepositoryOptions<TSaga>();
        configure?.Invoke(options);

        configurator.Repository(services =>
        {
            services.AddSqliteSchema(SqliteSchema.SagaInstances);
            services.TryAddSingleton(provider =>
                new SqliteSagaRepository<TSaga>(provider.GetRequiredService<SqliteDatabase>(), options));
            services.TryAddSingleton<ISagaStateReader<TSaga>>(provider =>
                provider.GetRequiredService<SqliteSagaRepository<TSaga>>());

            services.TryAddSingleton<ISagaStore<TSaga>>(provider => provider.GetRequiredService<SqliteSagaRepository<TSaga>>());
            services.AddSagaStoreRepository<TSaga>();
        });

        return configurator;
    }
}
