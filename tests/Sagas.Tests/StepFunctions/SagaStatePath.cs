using System.Collections.Concurrent;
using MassTransit;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>Records, per saga, every state the real state machine moves into: the path a Step Functions
/// mirror of that saga has to follow.</summary>
public sealed class SagaStatePath<TSaga> : IStateObserver<TSaga> where TSaga : class, SagaStateMachineInstance
{
    readonly ConcurrentDictionary<Guid, ConcurrentQueue<string>> paths = new();

    public IReadOnlyList<string> Of(Guid correlationId) =>
        paths.TryGetValue(correlationId, out var path) ? path.ToArray() : [];

    public Task StateChanged(BehaviorContext<TSaga> context, State currentState, State previousState)
    {
        paths.GetOrAdd(context.Saga.CorrelationId, _ => new ConcurrentQueue<string>()).Enqueue(currentState.Name);
        return Task.CompletedTask;
    }
}
