namespace ShoppableVideo.Messages;

// One command per VideoProcessing step. Each carries what its consumer needs, so a consumer never
// reads saga state and a re-sent command (retry, resume after a crash) does the same work again.

public record ProbeVideo(Guid VideoId, StoredObject Video);

/// <summary>The single decode pass: per-frame shot signals plus raw candidate frames (analysis size) for representatives.</summary>
public record ExtractFrames(Guid VideoId, StoredObject Video, VideoProbe Probe);

/// <summary>Video is the stored video itself, for a shot detector that looks at it (Rekognition) rather than at the signals.</summary>
public record DetectSegments(Guid VideoId, StoredObject Video, VideoProbe Probe, string FrameSignalsKey);

public record AnalyzeFrames(Guid VideoId, IReadOnlyList<Segment> Segments);

public record PublishMetadata(
    Guid VideoId,
    StoredObject Video,
    VideoProbe Probe,
    IReadOnlyList<Segment> Segments,
    string Analysis,
    IReadOnlyList<SegmentMatches> Matches);
