namespace ShoppableVideo.Consumers.Segments;

/// <summary>Frames [StartFrame, EndFrame], inclusive, filmed without a cut.</summary>
public readonly record struct Shot(long StartFrame, long EndFrame)
{
    public long FrameCount => EndFrame - StartFrame + 1;

    /// <summary>The shots that begin at these frames and tile frames 0..frameCount-1: each runs until the next
    /// begins, the first from frame 0 and the last to the final frame. A start outside the video is dropped,
    /// and a stretch no start covers (a shot the detector was not sure of) joins the shot before it.</summary>
    public static IReadOnlyList<Shot> Tiling(IEnumerable<long> starts, long frameCount)
    {
        if (frameCount < 1)
            return [];
        var ordered = starts.Where(s => s > 0 && s < frameCount).Append(0).Distinct().Order().ToList();
        var shots = new List<Shot>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
            shots.Add(new Shot(ordered[i], i + 1 < ordered.Count ? ordered[i + 1] - 1 : frameCount - 1));
        return shots;
    }
}
