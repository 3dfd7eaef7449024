namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>
/// The decoder processes of one kind (format and canvas size). A process is a strict
/// one-image-in-one-frame-out pipe, so each is lent to one caller at a time: that is what keeps every
/// caller's frame its own under concurrency. At most <c>size</c> run at once; a process that broke is
/// dropped and the next caller starts a fresh one.
/// </summary>
internal sealed class ImagePipePool(Func<ImagePipeProcess> start, int size) : IAsyncDisposable
{
    readonly SemaphoreSlim _turns = new(size, size);
    readonly Stack<ImagePipeProcess> _idle = new();
    readonly HashSet<ImagePipeProcess> _all = [];
    bool _disposed;

    public async Task<T> UseAsync<T>(Func<ImagePipeProcess, Task<T>> work, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        ImagePipeProcess? process = null;
        try
        {
            process = TakeIdleOrStart();
            return await work(process);
        }
        finally
        {
            if (process is not null)
                await ReturnAsync(process);
            _turns.Release();
        }
    }

    ImagePipeProcess TakeIdleOrStart()
    {
        lock (_all)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (_idle.TryPop(out var idle))
            {
                if (idle.Usable)
                    return idle;
                _all.Remove(idle);
                _ = idle.DisposeAsync();
            }
            var started = start();
            _all.Add(started);
            return started;
        }
    }

    async Task ReturnAsync(ImagePipeProcess process)
    {
        lock (_all)
        {
            if (process.Usable && !_disposed)
            {
                _idle.Push(process);
                return;
            }
            _all.Remove(process);
        }
        await process.DisposeAsync();
    }

    /// <summary>Stops processes that have waited for work longer than <paramref name="idleFor"/>.</summary>
    public async Task StopIdleAsync(TimeSpan idleFor)
    {
        var cutoff = Environment.TickCount64 - (long)idleFor.TotalMilliseconds;
        List<ImagePipeProcess> stale;
        lock (_all)
        {
            var idle = _idle.Reverse().ToList();
            stale = idle.Where(p => p.LastUsedMilliseconds <= cutoff || !p.Usable).ToList();
            _idle.Clear();
            foreach (var keep in idle.Except(stale))
                _idle.Push(keep);
            _all.ExceptWith(stale);
        }
        foreach (var process in stale)
            await process.DisposeAsync();
    }

    /// <summary>Kills every process, busy or idle; a caller mid-image gets a failed decode.</summary>
    public async ValueTask DisposeAsync()
    {
        List<ImagePipeProcess> all;
        lock (_all)
        {
            _disposed = true;
            all = [.. _all];
            _all.Clear();
            _idle.Clear();
        }
        foreach (var process in all)
            await process.DisposeAsync();
    }
}
