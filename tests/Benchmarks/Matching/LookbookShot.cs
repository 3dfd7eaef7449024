namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>One shot of a generated lookbook video: a slow zoom on a query photo with a colour jitter, or
/// a distractor cut from real footage of people wearing no catalog product (ProductId null).</summary>
public sealed record LookbookShot(
    string Source,
    string? ProductId,
    int Frames,
    double ZoomPerFrame,
    double Brightness,
    double Saturation,
    double HueDegrees,
    double SourceStartSeconds)
{
    public bool IsDistractor => ProductId is null;
}
