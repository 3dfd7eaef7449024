namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>A task whose token and outcome are both known, claimed by exactly one caller to be sent.</summary>
public sealed record ReadyCompletion(MirroredTask Task, string TaskToken, StepOutcome Outcome);
