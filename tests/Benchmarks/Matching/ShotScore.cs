namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// How the pipeline did on a set of judged shots. Product shots: the right product first / in the first
/// three / five listed, or nothing listed at all. Exact items: how many the product shots listed and how
/// many of those were the right product, and how many product shots listed their right product as exact.
/// Distractor shots: those listing nothing, and those listing any exact item. Shares of nothing are NaN.
/// </summary>
public sealed record ShotScore(
    int ProductShots, int FoundFirst, int FoundInTopThree, int FoundInTopFive, int EmptyProductShots,
    int ExactItems, int RightExactItems, int FoundExact,
    int Distractors, int CleanDistractors, int ExactDistractors)
{
    public double RecallAt1 => Share(FoundFirst, ProductShots);
    public double RecallAt3 => Share(FoundInTopThree, ProductShots);
    public double RecallAt5 => Share(FoundInTopFive, ProductShots);
    public double EmptyProductShare => Share(EmptyProductShots, ProductShots);
    public double ExactPrecision => Share(RightExactItems, ExactItems);
    public double ExactRecall => Share(FoundExact, ProductShots);
    public double DistractorClean => Share(CleanDistractors, Distractors);
    public double DistractorExact => Share(ExactDistractors, Distractors);

    public static ShotScore Of(IEnumerable<JudgedShot> shots)
    {
        var all = shots.ToList();
        var products = all.Where(s => !s.Truth.IsDistractor).ToList();
        var distractors = all.Where(s => s.Truth.IsDistractor).ToList();
        var exact = products.SelectMany(s => s.Listed.Where(p => p.IsExact).Select(p => (s.Truth.ProductId, p.ProductId))).ToList();
        return new ShotScore(
            products.Count, products.Count(s => s.FoundInTop(1)), products.Count(s => s.FoundInTop(3)), products.Count(s => s.FoundInTop(5)),
            products.Count(s => s.Listed.Count == 0),
            exact.Count, exact.Count(e => string.Equals(e.Item1, e.Item2, StringComparison.OrdinalIgnoreCase)), products.Count(s => s.TruthListedExact),
            distractors.Count, distractors.Count(s => s.Listed.Count == 0), distractors.Count(s => s.Listed.Any(p => p.IsExact)));
    }

    static double Share(int part, int whole) => whole == 0 ? double.NaN : part / (double)whole;

    public override string ToString() =>
        $"{ProductShots} product shots: recall@1 {RecallAt1:F3}, @3 {RecallAt3:F3}, @5 {RecallAt5:F3}, empty {EmptyProductShare:F3}, " +
        $"exact precision {ExactPrecision:F3} ({RightExactItems}/{ExactItems}), exact recall {ExactRecall:F3}; " +
        $"{Distractors} distractors: clean {DistractorClean:F3}, with an exact item {DistractorExact:F3}";
}
