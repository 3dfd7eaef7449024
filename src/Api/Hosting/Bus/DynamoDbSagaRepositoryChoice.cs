using MassTransit;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Saga state in DynamoDB (the aws profile). Every saga here ends in Completed or Failed, which is
/// when the table's TTL, if set, starts counting.</summary>
public sealed class DynamoDbSagaRepositoryChoice : ISagaRepositoryChoice
{
    static readonly string[] FinalStates = ["Completed", "Failed"];

    public void Configure<TSaga>(ISagaRegistrationConfigurator<TSaga> saga) where TSaga : class, ISagaVersion =>
        saga.DynamoDbRepository(options => options.FinalStates = FinalStates);
}
