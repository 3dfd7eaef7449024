using System.Text.Json;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>One clip of a test video whose hard cuts are known, read from its ".cuts.json" beside it:
/// 1-based number, time range and where the footage came from.</summary>
public sealed record CutClip(int Number, double StartSeconds, double EndSeconds, string Source)
{
    public double MiddleSeconds => (StartSeconds + EndSeconds) / 2;

    /// <summary>The clips of a cuts file: "shots[].frames" holds each clip's first and last frame. Pure.</summary>
    public static IReadOnlyList<CutClip> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var fps = document.RootElement.GetProperty("fps").GetDouble();
        return document.RootElement.GetProperty("shots").EnumerateArray()
            .Select((shot, i) =>
            {
                var frames = shot.GetProperty("frames");
                return new CutClip(i + 1, frames[0].GetInt32() / fps, (frames[1].GetInt32() + 1) / fps,
                    shot.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "");
            })
            .ToList();
    }
}
