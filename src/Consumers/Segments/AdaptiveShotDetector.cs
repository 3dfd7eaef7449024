using ShoppableVideo.Consumers.Frames;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>PySceneDetect's AdaptiveDetector over the content scores of the decode pass: a cut is a
/// frame whose score stands out from its neighbours' (ratio test) and is large in itself (floor).</summary>
public sealed class AdaptiveShotDetector(ShotDetectionOptions options)
{
    // PySceneDetect's answer when the neighbours are perfectly still: any real change is then a cut.
    const double RatioForStillNeighbours = 255.0;

    /// <summary>The first frame of every new shot, ascending.</summary>
    public IReadOnlyList<long> FindCuts(IReadOnlyList<FrameSignal> frames)
    {
        var cuts = new List<long>();
        var count = frames.Count;
        long lastShotStart = 0;
        for (var i = 1; i < count; i++)
        {
            double score = frames[i].ContentScore;
            if (score < options.MinContentValue)
                continue;
            // Both shots around the cut must be long enough; a cut in the last few frames is not worth
            // a shot that has no room for a representative frame.
            if (i - lastShotStart < options.MinShotFrames || count - i < options.MinShotFrames)
                continue;
            if (Ratio(frames, i, score) >= options.AdaptiveThreshold)
            {
                cuts.Add(frames[i].FrameNumber);
                lastShotStart = i;
            }
        }
        return cuts;
    }

    public IReadOnlyList<Shot> DetectShots(IReadOnlyList<FrameSignal> frames)
    {
        if (frames.Count == 0)
            return [];
        var shots = new List<Shot>();
        var start = frames[0].FrameNumber;
        foreach (var cut in FindCuts(frames))
        {
            shots.Add(new Shot(start, cut - 1));
            start = cut;
        }
        shots.Add(new Shot(start, frames[^1].FrameNumber));
        return shots;
    }

    double Ratio(IReadOnlyList<FrameSignal> frames, int i, double score)
    {
        double sum = 0;
        var neighbours = 0;
        // Frame 0 has no predecessor, so it has no score to compare with.
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
