namespace ShoppableVideo.Messages;

public record VideoProbed(Guid VideoId, VideoProbe Probe);

/// <summary>FrameSignalsKey names the artifact holding the per-frame shot signals.</summary>
public record FramesExtracted(Guid VideoId, long FramesDecoded, string FrameSignalsKey, int CandidateFrames);

public record SegmentsDetected(Guid VideoId, IReadOnlyList<Segment> Segments);

/// <summary>Analysis is "complete" or "not-configured" (no models: no products, never invented ones).</summary>
public record FramesAnalyzed(Guid VideoId, string Analysis, IReadOnlyList<SegmentMatches> Matches);

public record MetadataPublished(Guid VideoId, string DocumentKey);

/// <summary>A step refused its input for good (bad video, bad key): the saga fails without retrying.</summary>
public record VideoStepFailed(Guid VideoId, string Step, string Reason);

/// <summary>Progress inside a long step, 0..100 of that step.</summary>
public record VideoStepProgressed(Guid VideoId, string Step, double Percent);
