using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>The single decode pass over a video: per-frame shot signals plus raw candidate frames at analysis size, all written
/// to the output bucket under the video's folder.</summary>
public interface IFrameExtractor
{
    /// <param name="progress">Called with 0..1 as frames decode (throttled), awaited before decoding goes on.</param>
    Task<FrameExtraction> ExtractAsync(
        Guid videoId,
        StoredObject video,
        VideoProbe probe,
        Func<double, Task>? progress = null,
        CancellationToken cancellationToken = default);
}

public sealed record FrameExtraction(FrameSignals Signals, string FrameSignalsKey, IReadOnlyList<string> CandidateKeys)
{
    public long FramesDecoded => Signals.FrameCount;
}
