namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>Share of lookups whose right answer is among the first k results. An optional mapping judges
/// at a coarser level: with product → parent SKU, another colour of the right garment counts.</summary>
public static class RecallAtK
{
    public static double Of(IReadOnlyList<(string Truth, IReadOnlyList<string> Ranked)> lookups, int k, Func<string, string>? level = null)
    {
        if (lookups.Count == 0)
            return double.NaN;
        level ??= id => id;
        var found = lookups.Count(l => l.Ranked.Take(k).Select(level).Contains(level(l.Truth), StringComparer.OrdinalIgnoreCase));
        return found / (double)lookups.Count;
    }
}
