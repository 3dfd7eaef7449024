namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Processes the two real test videos as a user would and prints what their shoppable documents list.
/// The fence video shows a model in a mint top the catalog nearly holds: is a women's green top listed?
/// Six-shots opens with that model and goes on with five clips of people wearing nothing from the
/// catalog: how many of those list a product, and how many an exact one?
/// </summary>
public static class RealVideoReport
{
    public const string FenceVideo = "luma-model-against-fence-4s.mp4";
    public const string SixShotsVideo = "six-shots-hard-cuts.mp4";

    public static async Task<RealVideoFigures> RunAsync(MatchingHost host, LumaCatalog luma, string videos, double minScore)
    {
        var greenTops = luma.WomensGreenTops;
        var fence = await VideoRun.ProcessAsync(host, Path.Combine(videos, FenceVideo));
        Console.WriteLine(fence);
        PrintSegments(fence.Segments, luma, greenTops, minScore);
        var fenceListed = fence.Segments.Any(s => s.ListedAt(minScore).Any(p => greenTops.Contains(p.ProductId)));
        var fenceAnyScore = fence.Segments.Any(s => s.Products.Any(p => greenTops.Contains(p.ProductId)));
        Console.WriteLine($"{FenceVideo}: a women's green top listed at MinScore {minScore:0.00}: {YesNo(fenceListed)}; among all voted products: {YesNo(fenceAnyScore)}");

        var six = await VideoRun.ProcessAsync(host, Path.Combine(videos, SixShotsVideo));
        Console.WriteLine(six);
        PrintSegments(six.Segments, luma, greenTops, minScore);
        var clips = CutClip.Read(await File.ReadAllTextAsync(Path.Combine(videos, Path.ChangeExtension(SixShotsVideo, ".cuts.json"))));
        int listing = 0, exact = 0;
        foreach (var clip in clips)
        {
            var listed = ShotScoring.Covering(six.Segments, clip.MiddleSeconds)?.ListedAt(minScore) ?? [];
            var green = listed.Any(p => greenTops.Contains(p.ProductId));
            Console.WriteLine($"{SixShotsVideo} clip {clip.Number} ({clip.StartSeconds:0.##}-{clip.EndSeconds:0.##}s): {listed.Count} listed, " +
                $"{listed.Count(p => p.IsExact)} exact{(clip.Number == 1 ? $", a women's green top listed: {YesNo(green)}" : "")}");
            if (clip.Number == 1)
                continue;
            listing += listed.Count > 0 ? 1 : 0;
            exact += listed.Any(p => p.IsExact) ? 1 : 0;
        }
        var distractors = clips.Count - 1;
        Console.WriteLine($"{SixShotsVideo}: of its {distractors} distractor clips (2-{clips.Count}), {listing} list a product and {exact} an exact one at MinScore {minScore:0.00}");
        return new RealVideoFigures(fenceListed, fenceAnyScore, distractors, listing, exact);
    }

    /// <summary>Every segment with every product the document holds; those below the threshold are the ones
    /// a pipeline at that MinScore would not list.</summary>
    static void PrintSegments(IReadOnlyList<DetectedShot> segments, LumaCatalog luma, IReadOnlySet<string> greenTops, double minScore)
    {
        foreach (var (segment, i) in segments.Select((s, i) => (s, i + 1)))
        {
            Console.WriteLine($"  shot {i} ({segment.StartSeconds:0.##}-{segment.EndSeconds:0.##}s): {segment.Products.Count} products");
            foreach (var p in segment.Products)
                Console.WriteLine($"    {p.ProductId} \"{luma.NameOf(p.ProductId)}\" score {p.Score:F3}" +
                    (p.MatchField is null ? "" : $" match {p.MatchField}") + (p.ConfidenceField is { } c ? $" confidence {c:F3}" : "") +
                    (greenTops.Contains(p.ProductId) ? " [women's green top]" : "") + (p.Score < minScore ? " (below MinScore)" : ""));
        }
    }

    static string YesNo(bool value) => value ? "yes" : "no";
}
