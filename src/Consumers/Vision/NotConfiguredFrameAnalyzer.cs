using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>The analyzer used when no detector or embedder is configured: it reports that plainly, with
/// the reason when one is known ("not-configured: ..."), and finds nothing. It never invents products.</summary>
public sealed class NotConfiguredFrameAnalyzer(string? reason = null) : IFrameAnalyzer
{
    public const string Analysis = "not-configured";

    public string Description { get; } = reason is null ? Analysis : $"{Analysis}: {reason}";

    public Task<FrameAnalysis> AnalyzeAsync(Guid videoId, IReadOnlyList<Segment> segments, CancellationToken cancellationToken) =>
        Task.FromResult(new FrameAnalysis(Description, segments.Select(s => new SegmentMatches(s.Index, [])).ToList()));
}
