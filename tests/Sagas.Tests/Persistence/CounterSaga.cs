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

public sealed record StartCounter(Guid CounterId);

public sealed record BumpCounter(Guid CounterId, string Mark);

/// <summary>Correlated by a query over saga data rather than by id.</summary>
public sealed record TagCountersMarked(string Mark, string Tag);
