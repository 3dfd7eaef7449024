using MassTransit;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Saga state in the profile's SQLite file (the embedded profile).</summary>
public sealed class SqliteSagaRepositoryChoice : ISagaRepositoryChoice
{
    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> saga) where TSaga : class, ISagaVersion =>
        saga.SqliteRepository();
}
