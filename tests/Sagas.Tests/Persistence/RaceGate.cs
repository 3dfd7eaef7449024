namespace ShoppableVideo.Sagas.Tests.Persistence;

/// <summary>
/// Forces the lost-update race deterministically: first attempts wait until every party has loaded the
/// same saga version, so all but one of their saves must conflict. Retries pass straight through and are
/// counted, which is how the test sees the ConcurrencyException being retried.
/// </summary>
public sealed class RaceGate(int parties)
{
    readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _arrived;
    int _retries;

    public int Retries => Volatile.Read(ref _retries);

    public async Task ArriveAsync(int retryAttempt)
    {
        if (retryAttempt > 0)
        {
            Interlocked.Increment(ref _retries);
            return;
        }

        if (Interlocked.Increment(ref _arrived) >= parties)
            _allArrived.TrySetResult();

        // Bounded so a broken endpoint concurrency setting fails the assertions rather than hanging the run.
        await Task.WhenAny(_allArrived.Task, Task.Delay(TimeSpan.FromSeconds(10)));
    }
}
