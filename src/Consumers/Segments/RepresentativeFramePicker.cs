using ShoppableVideo.Consumers.Frames;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>Chooses which candidate frames stand for a shot: the shot is split into windows of about
/// SecondsPerFrame seconds (at least MinFramesPerShot windows) and each window gives the sharpest candidate
/// in its middle half, away from the blur and fades that sit near cuts; failing that, the candidate
/// nearest the window's middle.</summary>
public sealed class RepresentativeFramePicker(RepresentativeFrameOptions options)
{
    public IReadOnlyList<FrameSignal> Pick(Shot shot, FrameSignals signals)
    {
        var candidates = signals.CandidateFrames
            .Where(f => f >= shot.StartFrame && f <= shot.EndFrame)
            .Select(signals.SignalOf)
            .OfType<FrameSignal>()
            .ToList();
        if (candidates.Count == 0)
            return [];

        var seconds = signals.EndSecondsOf(shot.EndFrame) - signals.StartSecondsOf(shot.StartFrame);
        var windows = Math.Max(options.MinFramesPerShot, (int)Math.Ceiling(seconds / options.SecondsPerFrame - 1e-9));
        var picks = new List<FrameSignal>(windows);
        for (var w = 0; w < windows; w++)
        {
            var start = shot.StartFrame + shot.FrameCount * w / windows;
            var end = shot.StartFrame + shot.FrameCount * (w + 1) / windows - 1;
            if (PickInWindow(candidates, start, end) is { } pick && picks.All(p => p.FrameNumber != pick.FrameNumber))
                picks.Add(pick);
        }
        return picks;
    }

    static FrameSignal? PickInWindow(List<FrameSignal> candidates, long start, long end)
    {
        var length = end - start + 1;
        var middleStart = start + length / 4;
        var middleEnd = end - length / 4;
        FrameSignal? sharpest = null;
        foreach (var c in candidates)
            if (c.FrameNumber >= middleStart && c.FrameNumber <= middleEnd && (sharpest is null || c.Sharpness > sharpest.Value.Sharpness))
                sharpest = c;
        if (sharpest is not null)
            return sharpest;

        var middle = (start + end) / 2.0;
        FrameSignal? nearest = null;
        foreach (var c in candidates)
            if (c.FrameNumber >= start && c.FrameNumber <= end
                && (nearest is null || Math.Abs(c.FrameNumber - middle) < Math.Abs(nearest.Value.FrameNumber - middle)))
                nearest = c;
        return nearest;
    }
}
