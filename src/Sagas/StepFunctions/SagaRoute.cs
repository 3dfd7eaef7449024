namespace ShoppableVideo.Sagas.StepFunctions;

/// <summary>What a step saga's state machine says about its steps, read from the machine's own graph: the
/// step states in the order a run passes them, where each may go next, and what fails it.</summary>
/// <param name="Saga">The saga's name: the state machine's type name without "StateMachine".</param>
/// <param name="Steps">The states in which a step runs, in run order, each with its step name.</param>
/// <param name="Completed">The state a successful run ends in.</param>
/// <param name="Failed">The state a failed run ends in.</param>
public sealed record SagaRoute(string Saga, IReadOnlyList<StepRoute> Steps, string Completed, string Failed);
