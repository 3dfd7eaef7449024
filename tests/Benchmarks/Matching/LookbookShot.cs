namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>One shot of a generated lookbook video: a query photo in one framing with a slow zoom and a
/// colour jitter, or a distractor cut from real footage of people wearing no catalog product (ProductId
/// null). Origin names the photo or the footage, for the ground truth file and per-source figures.</summary>
public sealed record LookbookShot(
    string Source,
    string? ProductId,
    string Framing,
    string Origin,
    int Frames,
    ShotJitter Jitter,
    double SourceStartSeconds = 0,
    GarmentBand? CloseUpBand = null)
{
    public bool IsDistractor => ProductId is null;
}
