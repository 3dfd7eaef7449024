namespace ShoppableVideo.Consumers.Frames;

/// <summary>What the pipeline agrees to decode. Tiny videos carry nothing to match; huge ones are how a
/// decoder is made to allocate gigabytes (a "video bomb").</summary>
public sealed class MediaLimits
{
    public int MinSide { get; init; } = 16;
    public int MaxWidth { get; init; } = 8192;
    public int MaxHeight { get; init; } = 8192;
    public double MaxMegapixels { get; init; } = 40;
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
