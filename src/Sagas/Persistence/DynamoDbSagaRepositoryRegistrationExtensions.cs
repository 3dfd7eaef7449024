using Amazon.DynamoDBv2;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Sagas.Persistence;

public static class DynamoDbSagaRepositoryRegistrationExtensions
{
    /// <summary>
    /// Persists this saga in DynamoDB through the <see cref="IAmazonDynamoDB"/> client registered in the
    /// container (see <see cref="DynamoDbServiceCollectionExtensions.AddDynamoDb"/>), in the settings' saga
    /// table with their retention unless <paramref name="configure"/> says otherwise, and registers
    /// <see cref="ISagaStateReader{TSaga}"/> for the status API.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> DynamoDbRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator,
        Action<DynamoDbSagaRepositoryOptions<TSaga>>? configure = null)
        where TSaga : class, ISagaVersion
    {
        configurator.Repository(services =>
        {
            services.TryAddSingleton(provider =>
            {
                var settings = provider.GetService<DynamoDbSettings>() ?? new DynamoDbSettings();
                var options = new DynamoDbSagaRepositoryOptions<TSaga>
                {
                    TableName = settings.SagaTable,
                    FinishedTimeToLive = settings.FinishedSagaTimeToLive,
                };
                configure?.Invoke(options);
                return new DynamoDbSagaRepository<TSaga>(provider.GetRequiredService<IAmazonDynamoDB>(), options);
            });
            services.TryAddSingleton<ISagaStateReader<TSaga>>(provider =>
                provider.GetRequiredService<DynamoDbSagaRepository<TSaga>>());

            services.TryAddSingleton<ISagaStore<TSaga>>(provider => provider.GetRequiredService<DynamoDbSagaRepository<TSaga>>());
            services.AddSagaStoreRepository<TSaga>();
        });

        return configurator;
    }
}
