namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Deals each query photo one framing, seeded: a share of the photos become close-ups, the rest keep
/// the whole photo and are reported as back or whole-outfit by their view. Dealt within front and back
/// views apart, so close-ups hold both in the proportion of the query set. Pure.
/// </summary>
public static class FramingDeal
{
    public static IReadOnlyList<string> Deal(IReadOnlyList<LookbookQuery> queries, double closeUpShare, Random random)
    {
        var framings = queries.Select(q => q.IsBackView ? ShotFramings.Back : ShotFramings.WholeOutfit).ToArray();
        foreach (var view in queries.Select((q, i) => (q.IsBackView, i)).GroupBy(x => x.IsBackView).OrderBy(g => g.Key))
        {
            var indices = view.Select(x => x.i).ToArray();
            random.Shuffle(indices);
            foreach (var i in indices.Take((int)Math.Round(indices.Length * closeUpShare)))
                framings[i] = ShotFramings.CloseUp;
        }
        return framings;
    }
}
