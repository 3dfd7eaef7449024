using MassTransit;

namespace ShoppableVideo.Sagas.Tests.Persistence;

public sealed class CounterSaga : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string? CurrentState { get; set; }
    public int Count { get; set; }
    public List<string> Marks { get; set; } = [];
}
