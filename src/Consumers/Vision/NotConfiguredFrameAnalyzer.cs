using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>The analyzer used when no detector or embedder is configured: it reports that plainly and
/// finds nothing. It never invents products.</summary>
public sealed class NotConfiguredFrameAnalyzer : IFrameAnalyzer
{
    public const string Analysis = "not-configured";

    public Task<FrameAnalysis> AnalyzeAsync(Guid videoId, IReadOnlyList<Segment> segments, CancellationToken cancellationToken) =>
        Task.FromResult(new FrameAnalysis(Analysis, segments.Select(s => new SegmentMatches(s.Index, [])).ToList()));
}
