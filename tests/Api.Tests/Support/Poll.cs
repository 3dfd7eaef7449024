namespace ShoppableVideo.Api.Tests.Support;

/// <summary>Reads until a value shows up, for effects that land asynchronously; throws past the deadline.</summary>
public static class Poll
{
    /// <param name="describe">what was being waited for and what was seen, for the timeout's message.</param>
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T?>> read, TimeSpan timeout, int intervalMs = 100,
        Func<string>? describe = null)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await read(deadline.Token) is { } value)
                    return value;
                await Task.Delay(intervalMs, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"nothing showed up within {timeout}{(describe is null ? "" : $": {describe()}")}");
        }
    }
}
