namespace ShoppableVideo.Sagas.Steps;

/// <summary>When a step started and finished, and how many times it was issued (timeouts re-issue it).</summary>
public class StepTiming
{
    public string Step { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int Attempts { get; set; }

    public double? Seconds => FinishedAt is { } finished ? Math.Round((finished - StartedAt).TotalSeconds, 3) : null;
}
