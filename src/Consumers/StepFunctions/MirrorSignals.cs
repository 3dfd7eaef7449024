using System.Text.Json.Nodes;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>A message that shows a saga started: the execution to start, named by the saga id.</summary>
public sealed record SagaStartSignal<T>(string Saga, Func<T, Guid> SagaId, Func<T, JsonObject> Input) where T : class;

/// <summary>A step's result event: the step it ends, successfully.</summary>
public sealed record StepSuccessSignal<T>(string Saga, string Step, Func<T, Guid> SagaId) where T : class;

/// <summary>The saga's own failure event: the step it failed in and why.</summary>
public sealed record SagaFailureSignal<T>(string Saga, Func<T, Guid> SagaId, Func<T, string> Step, Func<T, string> Reason)
    where T : class;
