using System.Collections.Concurrent;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>Every completion and failure event that came over the broker, as a downstream subscriber
/// (the webhooks, the player) would see them: a duplicate here is a duplicate there.</summary>
public sealed class VideoOutcomes
{
    readonly ConcurrentQueue<object> events = new();
    readonly TaskCompletionSource<object> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<object> Events => [.. events];

    public void Add(object outcome)
    {
        events.Enqueue(outcome);
        first.TrySetResult(outcome);
    }

    public async Task<object> FirstAsync(TimeSpan timeout) => await first.Task.WaitAsync(timeout);
}
