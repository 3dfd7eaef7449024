using System.Diagnostics;
using System.Globalization;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>One-off ffmpeg and ffprobe runs on a file: the independent answers the managed code is checked against.</summary>
public static class FfmpegReference
{
    public static (int Width, int Height) ProbeSize(string path)
    {
        var text = System.Text.Encoding.ASCII.GetString(Run("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", path));
        var parts = text.Trim().Split(',');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>A process-per-image decode to bgr24 at exactly width x height.</summary>
    public static byte[] DecodeBgr(string path, int width, int height) =>
        Run("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-vf", $"scale={width}:{height}:flags=area,format=bgr24", "-f", "rawvideo", "-pix_fmt", "bgr24", "-");

    static byte[] Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {stderr.Result}");
        return output.ToArray();
    }
}
