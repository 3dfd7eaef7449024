using System.Globalization;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>
/// Each decoded frame's presentation time, as ffmpeg writes it while decoding. The metadata filter prints
/// only frames that carry metadata, so the graph first tags every frame, then prints the tag with the
/// frame's time ("frame:12   pts:6144    pts_time:0.4") to a file in the decode's scratch folder (ffmpeg runs
/// there, so the filter names it without escaping a path). Frame number / frame rate is right only at a
/// constant rate: on a phone's variable-rate video it drifts by up to half a second.
/// </summary>
public static class FrameTimestampLog
{
    public const string FileName = "frame-times.txt";

    public const string Filter = $"metadata=mode=add:key=shoppable.frame:value=1,metadata=mode=print:key=shoppable.frame:file={FileName}";

    /// <summary>The frames' times in seconds from the start of the file, in decode order, once ffmpeg has
    /// exited (it buffers the file while it runs); empty when there is no log.</summary>
    public static IReadOnlyList<double> Read(string scratchFolder)
    {
        var path = Path.Combine(scratchFolder, FileName);
        return File.Exists(path) ? File.ReadLines(path).Select(Parse).OfType<double>().ToList() : [];
    }

    /// <summary>The time on a "frame:" line; null for the tag lines between them.</summary>
    public static double? Parse(string line)
    {
        const string marker = "pts_time:";
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        if (!line.StartsWith("frame:", StringComparison.Ordinal) || at < 0)
            return null;
        return double.TryParse(line.AsSpan(at + marker.Length).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var time)
            && double.IsFinite(time) ? time : null;
    }
}
