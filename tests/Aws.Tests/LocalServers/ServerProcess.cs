using System.Diagnostics;
using System.Text;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>A local server the test run started itself: its output is kept for diagnostics, and it is
/// stopped by its process id (the whole process tree, since node and Erlang start children).</summary>
public sealed class ServerProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();
    readonly List<(Func<string, bool> IsReady, TaskCompletionSource<string> Seen)> awaitedLines = [];

    ServerProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static ServerProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start"));
        server.process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Waits for the line of output that says the server is up, or for the server to exit: events, so
    /// a loaded machine only makes the wait longer. <paramref name="hangLimit"/> bounds a server that hangs.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> isReady, TimeSpan hangLimit)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (output)
        {
            if (output.ToString().Split('\n').FirstOrDefault(isReady) is { } line)
                return line;
            awaitedLines.Add((isReady, seen));
        }
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(hangLimit));
        if (first == seen.Task)
            return await seen.Task;
        if (first == exited)
            throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}: {Output}");
        throw new TimeoutException($"{process.StartInfo.FileName} was not ready within {hangLimit}: {Output}");
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
        {
            output.AppendLine(line);
            foreach (var (isReady, seen) in awaitedLines.Where(w => w.IsReady(line)).ToList())
            {
                seen.TrySetResult(line);
                awaitedLines.RemoveAll(w => w.Seen == seen);
            }
        }
    }

    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
    }
}
