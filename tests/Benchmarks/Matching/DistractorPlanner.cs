namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// Cuts distractor shots of 2–3 s from each stretch of real footage, spread evenly over the stretch so
/// they show different moments, each kept a frame's margin inside it so that none straddles a cut. Pure.
/// </summary>
public static class DistractorPlanner
{
    /// <summary>Keeps a piece clear of the stretch's ends, where seeking may round to the neighbouring shot.</summary>
    const double MarginSeconds = 0.05;

    public static IReadOnlyList<LookbookShot> Plan(IReadOnlyList<DistractorSource> sources, Random random)
    {
        var fps = LookbookPlanner.FramesPerSecond;
        var shots = new List<LookbookShot>();
        foreach (var source in sources)
        {
            var usable = source.Seconds - 2 * MarginSeconds;
            var longest = Math.Min(3 * fps, (int)Math.Floor(usable * fps));
            if (longest < 2 * fps)
                throw new ArgumentException($"{source.Name} is {source.Seconds:F2}s: too short for a 2 s distractor");
            for (var i = 0; i < source.Pieces; i++)
            {
                var frames = random.Next(2 * fps, longest + 1);
                var slack = usable - frames / (double)fps;
                var start = source.StartSeconds + MarginSeconds + slack * (i + 0.5) / source.Pieces;
                shots.Add(new LookbookShot(source.Path, null, ShotFramings.Distractor, source.Name, frames, ShotJitter.None,
                    Math.Round(start, 3)));
            }
        }
        return shots;
    }
}
