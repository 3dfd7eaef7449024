namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A shot's slow zoom and colour change, so no shot shows the photo exactly as indexed.</summary>
public sealed record ShotJitter(double ZoomPerFrame, double Brightness, double Saturation, double HueDegrees)
{
    /// <summary>Real footage is shown as it is.</summary>
    public static readonly ShotJitter None = new(0, 0, 1, 0);

    public static ShotJitter Draw(Random random) => new(0.0010 + random.NextDouble() * 0.0015,
        Signed(random, 0.06), 1 + Signed(random, 0.2), Signed(random, 6));

    static double Signed(Random random, double amplitude) => Math.Round((random.NextDouble() * 2 - 1) * amplitude, 3);
}
