namespace ShoppableVideo.Consumers.Frames;

/// <summary>The artifact of the frame step: the signals measured on the frames it looked at, plus the frame
/// numbers kept as raw candidate frames. The ffmpeg extractor measures every decoded frame, a remote sampler
/// (MediaConvert) only every CandidateInterval-th, so a frame is looked up by its number, never by its place
/// in <see cref="Frames"/>. FrameCount is how many frames the video has, measured or not: the last shot ends
/// on the last of them. Times come from the measured frames' presentation times (frame / rate for a sampler,
/// which captures at a constant rate), so a variable-rate video's shots start where they play.</summary>
public sealed record FrameSignals(
    double FramesPerSecond,
    int CandidateInterval,
    long FrameCount,
    IReadOnlyList<FrameSignal> Frames,
    IReadOnlyList<long> CandidateFrames)
{
    public long LastFrame => FrameCount - 1;

    /// <summary>The signal measured on this frame; null when the frame was not measured.</summary>
    public FrameSignal? SignalOf(long frame)
    {
        var at = IndexAtOrBefore(frame);
        return at >= 0 && Frames[at].FrameNumber == frame ? Frames[at] : null;
    }

    /// <summary>When the frame is shown: its presentation time when it was measured, otherwise the nearest
    /// measured frame before it (after it, for frames before the first) moved on by whole frames at the rate.</summary>
    public double StartSecondsOf(long frame)
    {
        if (Frames.Count == 0)
            return frame / FramesPerSecond;
        var at = Math.Max(0, IndexAtOrBefore(frame));
        var anchor = Frames[at];
        return Math.Max(0, anchor.Seconds + (frame - anchor.FrameNumber) / FramesPerSecond);
    }

    /// <summary>When the next frame replaces it. The last frame lasts as long as the one before it did (the
    /// rate where the video ends, which on a variable-rate video is not the average), or one frame at the
    /// average rate when it is the only one.</summary>
    public double EndSecondsOf(long frame)
    {
        if (frame < LastFrame)
            return StartSecondsOf(frame + 1);
        var start = StartSecondsOf(frame);
        var lastDuration = frame > 0 ? start - StartSecondsOf(frame - 1) : 0;
        return start + (lastDuration > 0 ? lastDuration : 1 / FramesPerSecond);
    }

    // Frames are in ascending frame order: the last one numbered at or before the frame, -1 if none is.
    int IndexAtOrBefore(long frame)
    {
        int low = 0, high = Frames.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (Frames[middle].FrameNumber <= frame)
                (found, low) = (middle, middle + 1);
            else
                high = middle - 1;
        }
        return found;
    }
}
