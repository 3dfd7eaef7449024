namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>Where a generated shot lies in its video and what it shows. Exact by construction: every shot
/// is a whole number of frames at a constant rate.</summary>
public sealed record GroundTruthShot(string Video, double StartSeconds, double EndSeconds, string? ProductId,
    string Framing = ShotFramings.Distractor, string Origin = "")
{
    public double MiddleSeconds => (StartSeconds + EndSeconds) / 2;

    public string Label => ProductId ?? ShotFramings.Distractor;

    public bool IsDistractor => ProductId is null;
}
