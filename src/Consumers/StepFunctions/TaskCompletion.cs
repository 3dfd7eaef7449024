namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>What Step Functions said to SendTaskSuccess or SendTaskFailure: accepted, or the task is gone
/// (TaskDoesNotExist, TaskTimedOut, InvalidToken), which no retry can change.</summary>
public sealed record TaskCompletion(bool IsAccepted, string? RefusedWith, string? Message)
{
    public static TaskCompletion Accepted { get; } = new(true, null, null);

    public static TaskCompletion Gone(string errorCode, string message) => new(false, errorCode, message);
}
