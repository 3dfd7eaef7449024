namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Plans the lookbook videos: every query photo becomes a 2–3 s shot in its dealt framing with its own
/// zoom speed and colour jitter, distractor shots cut from real footage are spread among them, and the
/// shots are dealt into a few videos. Seeded, so every run measures the same videos. Pure: it decides,
/// <see cref="LookbookRenderer"/> renders.
/// </summary>
public static class LookbookPlanner
{
    public const int FramesPerSecond = 25;

    /// <param name="maxShots">For a quick smoke run: keeps this many shots, evenly picked from the full
    /// plan so the mix of framings and distractors stays; null keeps them all.</param>
    public static IReadOnlyList<LookbookVideo> Plan(
        IReadOnlyList<LookbookQuery> queries, IReadOnlyList<DistractorSource> distractors, double closeUpShare,
        int videos, int seed, int? maxShots = null)
    {
        var random = new Random(seed);
        var framings = FramingDeal.Deal(queries, closeUpShare, random);
        var shots = queries
            .Select((q, i) => new LookbookShot(q.Photo, q.ProductId, framings[i], Path.GetFileName(q.Photo), Frames(random),
                ShotJitter.Draw(random), CloseUpBand: framings[i] == ShotFramings.CloseUp ? GarmentBand.For(q.Category) : null))
            .ToList();
        foreach (var distractor in DistractorPlanner.Plan(distractors, random))
            shots.Insert(random.Next(shots.Count + 1), distractor);
        if (maxShots is { } max && max < shots.Count)
            shots = Enumerable.Range(0, max).Select(i => shots[i * shots.Count / max]).ToList();
        var perVideo = (int)Math.Ceiling(shots.Count / (double)Math.Min(videos, shots.Count));
        return shots.Chunk(perVideo).Select((chunk, i) => new LookbookVideo($"lookbook-{i + 1:D2}.mp4", chunk)).ToList();
    }

    /// <summary>The shots' places in their videos, from their frame counts.</summary>
    public static IReadOnlyList<GroundTruthShot> GroundTruth(IReadOnlyList<LookbookVideo> videos)
    {
        var truth = new List<GroundTruthShot>();
        foreach (var video in videos)
        {
            var frame = 0;
            foreach (var shot in video.Shots)
            {
                truth.Add(new GroundTruthShot(video.Name, frame / (double)FramesPerSecond, (frame + shot.Frames) / (double)FramesPerSecond,
                    shot.ProductId, shot.Framing, shot.Origin));
                frame += shot.Frames;
            }
        }
        return truth;
    }

    static int Frames(Random random) => random.Next(2 * FramesPerSecond, 3 * FramesPerSecond + 1);
}
