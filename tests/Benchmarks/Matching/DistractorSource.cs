namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>A stretch of real footage that shows no catalog product, to be cut into <paramref name="Pieces"/>
/// distractor shots that all lie inside it: a stretch is one camera shot, so no distractor straddles a cut.</summary>
public sealed record DistractorSource(string Name, string Path, double StartSeconds, double EndSeconds, int Pieces)
{
    public double Seconds => EndSeconds - StartSeconds;
}
