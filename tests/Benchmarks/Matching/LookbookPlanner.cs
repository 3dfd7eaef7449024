namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Plans the lookbook videos: every query photo becomes a 2–3 s shot with its own zoom speed and colour
/// jitter, distractor shots are spread among them, and the shots are dealt into a few videos. Seeded, so
/// every run measures the same videos. Pure: it decides, <see cref="LookbookRenderer"/> renders.
/// </summary>
public static class LookbookPlanner
{
    public const int FramesPerSecond = 25;

    public static IReadOnlyList<LookbookVideo> Plan(
        IReadOnlyList<(string ProductId, string Photo)> queries, string distractorSource, double distractorSourceSeconds,
        int distractors, int videos, int seed)
    {
        var random = new Random(seed);
        var shots = queries
            .Select(q => new LookbookShot(q.Photo, q.ProductId, Frames(random), 0.0010 + random.NextDouble() * 0.0015,
                Jitter(random, 0.06), 1 + Jitter(random, 0.2), Jitter(random, 6), 0))
            .ToList();
        for (var i = 0; i < distractors; i++)
        {
            var frames = Frames(random);
            // Evenly spread over the footage so each distractor shows other passers-by.
            var start = (distractorSourceSeconds - frames / (double)FramesPerSecond) * (i + 0.5) / distractors;
            shots.Insert(random.Next(shots.Count + 1), new LookbookShot(distractorSource, null, frames, 0, 0, 1, 0, Math.Round(start, 2)));
        }
        var perVideo = (int)Math.Ceiling(shots.Count / (double)videos);
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
                truth.Add(new GroundTruthShot(video.Name, frame / (double)FramesPerSecond, (frame + shot.Frames) / (double)FramesPerSecond, shot.ProductId));
                frame += shot.Frames;
            }
        }
        return truth;
    }

    static int Frames(Random random) => random.Next(2 * FramesPerSecond, 3 * FramesPerSecond + 1);

    static double Jitter(Random random, double amplitude) => Math.Round((random.NextDouble() * 2 - 1) * amplitude, 3);
}
