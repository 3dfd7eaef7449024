using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>PySceneDetect's AdaptiveDetector over the content scores of the frame step: a cut is a
/// frame whose score stands out from its neighbours' (ratio test) and is large in itself (floor). Over
/// ffmpeg's signals (every frame) a cut is exact; over a sampler's (every CandidateInterval-th frame) it
/// lands on the first sampled frame after the real cut, up to one interval late.</summary>
public sealed class AdaptiveShotDetector(ShotDetectionOptions options) : IShotDetector
{
    // PySceneDetect's answer when the neighbours are perfectly still: any real change is then a cut.
    const double RatioForStillNeighbours = 255.0;

    public Task<IReadOnlyList<Shot>> DetectShotsAsync(Guid videoId, StoredObject video, FrameSignals signals,
        Func<Task>? stillRunning = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Shot.Tiling(FindCuts(signals.Frames), signals.FrameCount));

    /// <summary>The first frame of every new shot, ascending. Shot lengths are counted in frames, not in
    /// signals, so sparse signals keep the same minimum shot.</summary>
    public IReadOnlyList<long> FindCuts(IReadOnlyList<FrameSignal> frames)
    {
        var cuts = new List<long>();
        var count = frames.Count;
        if (count == 0)
            return cuts;
        var lastShotStart = frames[0].FrameNumber;
        var end = frames[^1].FrameNumber + 1;
        for (var i = 1; i < count; i++)
        {
            double score = frames[i].ContentScore;
            if (score < options.MinContentValue)
                continue;
            // Both shots around the cut must be long enough; a cut in the last few frames is not worth
            // a shot that has no room for a representative frame.
            var frame = frames[i].FrameNumber;
            if (frame - lastShotStart < options.MinShotFrames || end - frame < options.MinShotFrames)
                continue;
            if (Ratio(frames, i, score) >= options.AdaptiveThreshold)
            {
                cuts.Add(frame);
                lastShotStart = frame;
            }
        }
        return cuts;
    }

    double Ratio(IReadOnlyList<FrameSignal> frames, int i, double score)
    {
        double sum = 0;
        var neighbours = 0;
        // The first signal has no predecessor, so it has no score to compare with.
        for (var j = Math.Max(1, i - options.WindowFrames); j <= Math.Min(frames.Count - 1, i + options.WindowFrames); j++)
        {
            if (j == i)
                continue;
            sum += frames[j].ContentScore;
            neighbours++;
        }
        if (neighbours == 0)
            return 0;
        var mean = sum / neighbours;
        return mean < 1e-5 ? RatioForStillNeighbours : score / mean;
    }
}
