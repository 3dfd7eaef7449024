using System.Diagnostics;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>Makes small fixture files with ffmpeg at test time; no binary fixture is committed.</summary>
public static class Ffmpeg
{
    /// <summary>2 s at 30 fps, then 4 s at 5 fps: 80 frames in 6 s, an average of 13.3 fps, at which frame
    /// number / rate would put the change of rate (frame 60) at 4.5 s instead of 2 s.</summary>
    public static void GenerateVariableRate(string output) =>
        Generate(output, "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=2", "-f", "lavfi", "-i", "smptebars=s=320x180:r=5:d=4",
            "-filter_complex", "[0][1]concat=n=2:v=1:a=0", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv420p");

    public static void Generate(string output, params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-y", "-nostdin", "-v", "error", .. arguments, output])
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed making {output}: {stderr}");
    }
}
