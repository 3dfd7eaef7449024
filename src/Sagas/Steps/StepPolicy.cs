namespace ShoppableVideo.Sagas.Steps;

/// <summary>How long a step may stay silent before it is re-issued, and how often. A step that reports
/// progress is alive: each progress report restarts its timeout.</summary>
public class StepPolicy
{
    public TimeSpan StepTimeout { get; set; } = TimeSpan.FromMinutes(10);
    public int MaxAttempts { get; set; } = 3;

    public string TimedOutReason => $"the step timed out {MaxAttempts} times (after {StepTimeout} each)";
}
