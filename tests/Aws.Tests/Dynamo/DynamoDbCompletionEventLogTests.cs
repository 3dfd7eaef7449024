using ShoppableVideo.Api.Events;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>The shared event log on dynalite, appended by several API processes (each its own client).</summary>
public sealed class DynamoDbCompletionEventLogTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    static CompletionEvent Event(int second) =>
        new(CompletionEventTypes.VideoCompleted, Guid.NewGuid(), Start.AddSeconds(second), VideoId: Guid.NewGuid(), Key: $"v{second}.mp4");

    [Fact]
    public async Task Every_process_appending_the_same_events_leaves_each_once_oldest_first_and_only_the_most_recent_are_read()
    {
        var settings = await dynamo.NewTablesAsync();
        var options = new CompletionEventOptions { RecentEvents = 3 };
        using var firstClient = new ObservedDynamoDbClient(settings);
        using var secondClient = new ObservedDynamoDbClient(settings);
        var first = new DynamoDbCompletionEventLog(firstClient, settings.EventTable, options, TimeProvider.System);
        var second = new DynamoDbCompletionEventLog(secondClient, settings.EventTable, options, TimeProvider.System);
        var events = Enumerable.Range(0, 5).Select(Event).ToList();

        // Heard in different orders by the two processes, as fan-out delivers them.
        foreach (var completion in events)
            await first.AppendAsync(completion, default);
        foreach (var completion in Enumerable.Reverse(events))
            await second.AppendAsync(completion, default);

        Assert.Equal(events.Skip(2), await second.RecentAsync(default));
        Assert.Equal(events.Skip(2), await first.RecentAsync(default));
    }

    [Fact]
    public async Task A_new_log_reads_nothing()
    {
        var settings = await dynamo.NewTablesAsync();
        using var client = new ObservedDynamoDbClient(settings);
        Assert.Empty(await new DynamoDbCompletionEventLog(client, settings.EventTable, new CompletionEventOptions(), TimeProvider.System)
            .RecentAsync(default));
    }
}
