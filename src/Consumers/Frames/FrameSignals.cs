namespace ShoppableVideo.Consumers.Frames;

/// <summary>The artifact of the decode pass: one signal per decoded frame plus the frame numbers that
/// were kept as raw candidate frames (every CandidateInterval-th frame that decoded). Times come from the
/// frames' presentation times, not frame / rate, so a variable-rate video's shots start where they play.</summary>
public sealed record FrameSignals(
    double FramesPerSecond,
    int CandidateInterval,
    IReadOnlyList<FrameSignal> Frames,
    IReadOnlyList<long> CandidateFrames)
{
    /// <summary>When the frame is shown, from its presentation time.</summary>
    public double StartSecondsOf(long frame) => Frames[(int)frame].Seconds;

    /// <summary>When the next frame replaces it. The last frame lasts as long as the one before it did (the
    /// rate where the video ends, which on a variable-rate video is not the average), or one frame at the
    /// average rate when it is the only one.</summary>
    public double EndSecondsOf(long frame)
    {
        var index = (int)frame;
        if (index + 1 < Frames.Count)
            return Frames[index + 1].Seconds;
        var lastDuration = index > 0 ? Frames[index].Seconds - Frames[index - 1].Seconds : 0;
        return Frames[index].Seconds + (lastDuration > 0 ? lastDuration : 1 / FramesPerSecond);
    }
}
