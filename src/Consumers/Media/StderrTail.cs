using System.Diagnostics;

namespace ShoppableVideo.Consumers.Media;

/// <summary>Drains a child process's stderr and keeps its last lines. A child whose stderr pipe fills up
/// blocks forever, so stderr must always be read, even when only its tail is reported.</summary>
internal sealed class StderrTail
{
    readonly Queue<string> _lines = new();
    readonly int _capacity;
    readonly Task _reading;

    public StderrTail(Process process, int capacity = 20)
    {
        _capacity = capacity;
        _reading = Task.Run(() => ReadAllAsync(process.StandardError));
    }

    /// <summary>The last non-empty line, which is where ffmpeg puts the error that matters.</summary>
    public async Task<string> LastLineAsync()
    {
        await _reading;
        lock (_lines)
            return _lines.LastOrDefault() ?? "no error message";
    }

    public async Task<string> AllAsync()
    {
        await _reading;
        lock (_lines)
            return string.Join(Environment.NewLine, _lines);
    }

    async Task ReadAllAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                    continue;
                lock (_lines)
                {
                    _lines.Enqueue(line.Trim());
                    if (_lines.Count > _capacity)
                        _lines.Dequeue();
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed while we were reading; what we have is all there is.
        }
    }
}
