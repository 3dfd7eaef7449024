namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>How the pipeline did on the generated shots: product shots found first / in the top five,
/// distractor shots that reported nothing.</summary>
public sealed record ShotScore(int ProductShots, int FoundFirst, int FoundInTopFive, int Distractors, int CleanDistractors)
{
    public double RecallAt1 => ProductShots == 0 ? double.NaN : FoundFirst / (double)ProductShots;

    public double RecallAt5 => ProductShots == 0 ? double.NaN : FoundInTopFive / (double)ProductShots;

    public double DistractorClean => Distractors == 0 ? double.NaN : CleanDistractors / (double)Distractors;
}
