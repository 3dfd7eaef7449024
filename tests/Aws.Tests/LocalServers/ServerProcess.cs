using System.Diagnostics;
using System.Text;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>A local server the test run started itself: its output is kept for diagnostics, and it is
/// stopped by its process id (the whole process tree, since node and Erlang start children).</summary>
public sealed class ServerProcess : IDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

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

    /// <summary>Waits for a line of output that says the server is up.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> isReady, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Output.Split('\n').FirstOrDefault(isReady) is { } line)
                return line;
            if (process.HasExited)
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}: {Output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"{process.StartInfo.FileName} was not ready within {timeout}: {Output}");
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.AppendLine(line);
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
