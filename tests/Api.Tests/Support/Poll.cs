namespace ShoppableVideo.Api.Tests.Support;

/// <summary>Reads until a value shows up, for effects that land asynchronously; throws past the deadline.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<CancellationToken, Task<T?>> read, TimeSpan timeout, int intervalMs = 100)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (await read(deadline.Token) is { } value)
                return value;
            await Task.Delay(intervalMs, deadline.Token);
        }
    }
}
