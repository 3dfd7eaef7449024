using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>The host as its own operating-system process (the built ShoppableVideo.Api.dll), so a test
/// can kill it with SIGKILL mid-work and start it again on the same data folder.</summary>
public sealed class HostProcess : IDisposable
{
    readonly Process process;

    HostProcess(Process process, Uri address)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = address };
    }

    public HttpClient Http { get; }

    readonly System.Text.StringBuilder output = new();

    /// <summary>What the host has printed (warnings and errors), for a failing test's message.</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    void Remember(string? line)
    {
        if (line is not null)
            lock (output) output.AppendLine(line);
    }

    /// <param name="settings">host configuration as <c>--Key=Value</c> arguments (a profile, its endpoints).</param>
    public static async Task<HostProcess> StartAsync(string dataFolder, IEnumerable<string>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
                     Path.Combine(AppContext.BaseDirectory, "ShoppableVideo.Api.dll"), "serve",
                     "--data", dataFolder, "--urls", address.ToString(), "--Logging:LogLevel:Default=Warning", .. settings ?? []])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var host = new HostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => host.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>The processes the host started that are running now, by pid and name (from /proc).</summary>
    public IReadOnlyList<(int Pid, string Name)> Children() => ChildrenOf(process.Id);

    public static IReadOnlyList<(int Pid, string Name)> ChildrenOf(int parent)
    {
        var children = new List<(int, string)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
                continue;
            try
            {
                // /proc/PID/stat: "pid (name) state ppid ...", the name may hold spaces and parentheses.
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                if (int.Parse(fields[1]) == parent && fields[0] != "Z")
                    children.Add((pid, stat[(stat.IndexOf('(') + 1)..close]));
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    /// <summary>Whether a process with this pid still runs (a zombie does not count).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crash or an OOM kill.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: false);
        process.WaitForExit();
    }

    async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it was healthy: {Output}");
            try
            {
                if ((await Http.GetAsync("/health")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(100);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited)
            Kill();
        Http.Dispose();
        process.Dispose();
    }
}
