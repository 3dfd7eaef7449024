namespace ShoppableVideo.Sagas.StepFunctions;

/// <summary>One step of a <see cref="SagaRoute"/>.</summary>
/// <param name="State">The saga state while the step runs, e.g. "ExtractingFrames".</param>
/// <param name="Step">The step's name as the saga and its consumers spell it, e.g. "ExtractFrames".</param>
/// <param name="Next">The states the saga may move to when the step succeeds; the usual one first.</param>
/// <param name="FailingEvents">The saga events that move this state to the failed state.</param>
/// <param name="TimesOut">Whether the step's timeout re-issues it and finally fails it in this state.</param>
public sealed record StepRoute(
    string State, string Step, IReadOnlyList<string> Next, IReadOnlyList<string> FailingEvents, bool TimesOut);
