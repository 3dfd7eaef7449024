namespace ShoppableVideo.Sagas.Steps;

/// <summary>The steps of a saga in order, each with the share of a whole run it usually takes, so the
/// status can show one honest percent.</summary>
public sealed class StepPlan(params (string Step, double Weight)[] steps)
{
    readonly double total = steps.Sum(s => s.Weight);

    public IReadOnlyList<string> InOrder { get; } = steps.Select(s => s.Step).ToArray();

    /// <summary>Overall percent when <paramref name="step"/> is <paramref name="stepPercent"/> done.</summary>
    public double OverallPercent(string step, double stepPercent)
    {
        var before = steps.TakeWhile(s => s.Step != step).Sum(s => s.Weight);
        var weight = steps.FirstOrDefault(s => s.Step == step).Weight;
        return Math.Round(100 * (before + weight * Math.Clamp(stepPercent, 0, 100) / 100) / total, 1);
    }
}
