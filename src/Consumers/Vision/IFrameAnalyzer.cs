using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Vision;

/// <summary>Finds catalog products in a video's representative frames (detect → embed → k-NN).</summary>
public interface IFrameAnalyzer
{
    Task<FrameAnalysis> AnalyzeAsync(Guid videoId, IReadOnlyList<Segment> segments, CancellationToken cancellationToken);
}

/// <summary>Analysis is "complete" when models ran, "not-configured" when none are installed. Descriptors are
/// what the models saw, kept so a catalog change can re-match the video without running them again (null when
/// no models ran).</summary>
public record FrameAnalysis(string Analysis, IReadOnlyList<SegmentMatches> Matches, VideoDescriptors? Descriptors = null);
