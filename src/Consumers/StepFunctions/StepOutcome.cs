namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>How a saga step ended, as the mirror reports it to the step's task: success, or failure with an
/// error code ("&lt;Step&gt;Failed") and the saga's reason as the cause.</summary>
public sealed record StepOutcome(bool Succeeded, string? Error, string? Cause)
{
    public static StepOutcome Success { get; } = new(true, null, null);

    public static StepOutcome Failure(string step, string reason) => new(false, $"{step}Failed", reason);
}
