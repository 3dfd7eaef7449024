using System.Diagnostics;

namespace ShoppableVideo.Consumers.Media;

/// <summary>Starts ffmpeg or ffprobe with an argument list (never through a shell, so a key or path can
/// never be read as a command) and kills the whole process tree when the caller gives up or the
/// time limit passes.</summary>
internal sealed class ToolProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly CancellationTokenSource _limit;
    readonly CancellationTokenRegistration _killOnCancel;

    public StderrTail Stderr { get; }

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public bool HasExited => _process.HasExited;

    /// <summary>Cancelled when the caller cancels or the time limit passes; reads of stdout should use it.</summary>
    public CancellationToken Token => _limit.Token;

    public string Tool { get; }

    ToolProcess(string tool, Process process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Tool = tool;
        _process = process;
        _limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _limit.CancelAfter(timeout);
        Stderr = new StderrTail(process);
        _killOnCancel = _limit.Token.Register(Kill);
    }

    /// <param name="workingDirectory">where relative paths in the arguments point; the caller's by default.</param>
    public static ToolProcess Start(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        return new ToolProcess(Path.GetFileName(executable), process, timeout, cancellationToken);
    }

    /// <summary>Waits for exit. Throws OperationCanceledException if the caller cancelled and TimeoutException
    /// if the limit passed, so a hung tool never holds a consumer forever.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken callerToken)
    {
        try
        {
            await _process.WaitForExitAsync(_limit.Token);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Tool} did not finish within its time limit.");
        }
        return _process.ExitCode;
    }

    public void ThrowIfTimedOut(CancellationToken callerToken)
    {
        callerToken.ThrowIfCancellationRequested();
        if (_limit.IsCancellationRequested)
            throw new TimeoutException($"{Tool} did not finish within its time limit.");
    }

    void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _killOnCancel.DisposeAsync();
        Kill();
        _limit.Dispose();
        _process.Dispose();
    }
}
