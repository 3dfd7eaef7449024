namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>What StartExecution said: the new execution's ARN, or that an execution of that name exists
/// already (then no ARN comes back).</summary>
public sealed record ExecutionStart(string? ExecutionArn, bool AlreadyStarted);
