namespace ShoppableVideo.Consumers.Frames;

/// <summary>The artifact of the decode pass: one signal per decoded frame plus the frame numbers that
/// were kept as raw candidate frames (every CandidateInterval-th frame that decoded).</summary>
public sealed record FrameSignals(
    double FramesPerSecond,
    int CandidateInterval,
    IReadOnlyList<FrameSignal> Frames,
    IReadOnlyList<long> CandidateFrames);
