using MassTransit;

namespace ShoppableVideo.Sagas.Tests.Persistence;

/// <summary>Shaped like the product's saga state: records in lists, nullable ids and times.</summary>
public sealed class SampleSaga : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string? CurrentState { get; set; }
    public List<SampleStep> Steps { get; set; } = [];
    public IReadOnlyList<SampleSegment> Segments { get; set; } = [];
    public Guid? ParentId { get; set; }
    public DateTime? FinishedAt { get; set; }
    public SampleKind Kind { get; set; }
}

public sealed record SampleStep(string Name, int Percent, DateTimeOffset At);

public sealed record SampleSegment(int Index, double StartSeconds, double EndSeconds, IReadOnlyList<string> ProductIds);

public enum SampleKind
{
    Video,
    Catalog,
}
