namespace ShoppableVideo.Sagas.StepFunctions;

/// <param name="FileName">The file's name under infra/statemachines.</param>
/// <param name="Route">The saga route the definition was generated from.</param>
/// <param name="Text">The definition, indented, with a trailing newline.</param>
public sealed record AslDocument(string FileName, SagaRoute Route, string Text);
