using System.Diagnostics;

namespace ShoppableVideo.Benchmarks;

public static class Stopwatches
{
    /// <summary>The best of several runs: on a shared two-core machine the minimum is the least noisy figure.</summary>
    public static async Task<TimeSpan> BestOfAsync(int runs, Func<Task> work)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            if (watch.Elapsed < best)
                best = watch.Elapsed;
        }
        return best;
    }

    /// <summary>The best of several runs of work that times itself (it leaves set-up out of its figure).</summary>
    public static async Task<TimeSpan> BestOfAsync(int runs, Func<Task<TimeSpan>> measure)
    {
        var best = TimeSpan.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            var elapsed = await measure();
            if (elapsed < best)
                best = elapsed;
        }
        return best;
    }

    public static async Task RunToolAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed: {await stderr}");
    }
}
