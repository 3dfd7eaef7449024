using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Events.Webhooks;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>Webhook subscriptions and deliveries on dynalite, as several API processes share them: each its
/// own store and client over one table.</summary>
public sealed class DynamoDbWebhookStoreTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>
{
    static readonly DateTimeOffset Start = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    sealed class Process(Amazon.DynamoDBv2.IAmazonDynamoDB client, string table, MutableClock clock) : IDisposable
    {
        public DynamoDbWebhookStore Store { get; } = new(client, table, clock, new WebhookDispatchSignal(), Lease);

        public void Dispose() => client.Dispose();
    }

    async Task<(Process[] Processes, MutableClock Clock)> DeployAsync(int processes)
    {
        var settings = await dynamo.NewTablesAsync();
        var clock = new MutableClock(Start);
        return (Enumerable.Range(0, processes).Select(_ => new Process(new ObservedDynamoDbClient(settings), settings.WebhookTable, clock)).ToArray(), clock);
    }

    static CompletionEvent Completed(int n) =>
        new(CompletionEventTypes.VideoCompleted, Guid.NewGuid(), Start, VideoId: Guid.NewGuid(), Key: $"video-{n}.mp4");

    [Fact]
    public async Task A_subscription_made_through_one_process_is_listed_by_another_and_gets_each_event_it_wants_once()
    {
        var (processes, _) = await DeployAsync(2);
        using var a = processes[0];
        using var b = processes[1];
        var wanted = await a.Store.AddAsync(new Uri("https://shop.example/hooks"), [CompletionEventTypes.VideoCompleted], "s1", default);
        await a.Store.AddAsync(new Uri("https://shop.example/failures"), [CompletionEventTypes.VideoFailed], "s2", default);

        var seen = (await b.Store.FindAsync(wanted.Id, default))!;
        Assert.Equal((wanted.Url, wanted.Secret, wanted.CreatedAt), (seen.Url, seen.Secret, seen.CreatedAt));
        Assert.Equal(wanted.Events, seen.Events);
        var completion = Completed(1);
        Assert.Equal(1, await a.Store.EnqueueAsync(completion, default));
        // The same bus message delivered again, to the other process: already queued.
        Assert.Equal(0, await b.Store.EnqueueAsync(completion, default));

        var delivery = Assert.Single(await b.Store.ListAsync(wanted.Id, 10, default));
        Assert.Equal((completion.Id, WebhookDeliveryState.Pending, 0), (delivery.EventId, delivery.State, delivery.Attempts));
    }

    [Fact]
    public async Task Three_processes_taking_due_deliveries_at_once_each_get_different_ones_and_together_all()
    {
        var (processes, _) = await DeployAsync(3);
        try
        {
            await processes[0].Store.AddAsync(new Uri("https://shop.example/hooks"), [CompletionEventTypes.VideoCompleted], "s", default);
            for (var i = 0; i < 12; i++)
                await processes[0].Store.EnqueueAsync(Completed(i), default);

            var taken = await Task.WhenAll(processes.Select(p => Task.Run(() => p.Store.TakeDueAsync(12, [], default))));

            var all = taken.SelectMany(t => t).Select(d => d.Id).ToList();
            Assert.Equal(12, all.Count);
            Assert.Equal(12, all.Distinct().Count());
            // Taken means leased: nobody gets them again while their attempts are out.
            Assert.Empty(await processes[1].Store.TakeDueAsync(12, [], default));
        }
        finally
        {
            foreach (var process in processes)
                process.Dispose();
        }
    }

    [Fact]
    public async Task A_recorded_attempt_reschedules_or_finishes_the_delivery_and_a_dead_takers_lease_runs_out()
    {
        var (processes, clock) = await DeployAsync(2);
        using var a = processes[0];
        using var b = processes[1];
        var subscription = await a.Store.AddAsync(new Uri("https://shop.example/hooks"), [CompletionEventTypes.VideoCompleted], "s", default);
        await a.Store.EnqueueAsync(Completed(1), default);

        var first = Assert.Single(await a.Store.TakeDueAsync(5, [], default));
        await a.Store.RecordAttemptAsync(first, 503, null, WebhookDeliveryState.Pending, Start + TimeSpan.FromSeconds(30), default);
        Assert.Empty(await b.Store.TakeDueAsync(5, [], default)); // not due yet

        clock.Advance(TimeSpan.FromSeconds(31));
        var second = Assert.Single(await b.Store.TakeDueAsync(5, [], default));
        Assert.Equal(1, second.Attempts);
        // b dies with the attempt out: once its lease runs out, a takes the delivery over.
        Assert.Empty(await a.Store.TakeDueAsync(5, [], default));
        clock.Advance(Lease + TimeSpan.FromSeconds(1));
        var third = Assert.Single(await a.Store.TakeDueAsync(5, [], default));

        await a.Store.RecordAttemptAsync(third, 200, null, WebhookDeliveryState.Delivered, clock.GetUtcNow(), default);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await b.Store.TakeDueAsync(5, [], default));
        var delivered = Assert.Single(await b.Store.ListAsync(subscription.Id, 10, default));
        Assert.Equal((WebhookDeliveryState.Delivered, 2, 200), (delivered.State, delivered.Attempts, delivered.LastStatusCode));
        Assert.Equal([503, 200], delivered.AttemptLog.Select(x => x.StatusCode));

        Assert.True(await b.Store.RemoveAsync(subscription.Id, default));
        Assert.Empty(await a.Store.ListAsync(default));
        Assert.Empty(await a.Store.ListAsync(subscription.Id, 10, default));
    }
}
