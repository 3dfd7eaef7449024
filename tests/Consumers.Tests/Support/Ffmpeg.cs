using System.Diagnostics;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>Makes small fixture files with ffmpeg at test time; no binary fixture is committed.</summary>
public static class Ffmpeg
{
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
