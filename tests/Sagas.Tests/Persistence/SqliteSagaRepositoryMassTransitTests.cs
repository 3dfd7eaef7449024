using ShoppableVideo.Sqlite;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

public sealed class SqliteSagaRepositoryMassTransitTests : IAsyncLifetime
{
    readonly TempSqliteDatabase _temp = new();

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => _temp.DisposeAsync();

    ServiceProvider BuildProvider(RaceGate gate) =>
        new ServiceCollection()
            .AddSingleton(_temp.Database)
            .AddSingleton(gate)
            .AddMassTransitTestHarness(x =>
            {
                x.AddSagaStateMachine<CounterStateMachine, CounterSaga>()
                    .SqliteRepository();

                x.AddConfigureEndpointsCallback((_, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Immediate(5));
                    // Several messages for one saga in flight at once is the situation under test.
                    cfg.PrefetchCount = 16;
                    cfg.ConcurrentMessageLimit = 16;
                });
            })
            .BuildServiceProvider(true);

    [Fact]
    public async Task Two_events_racing_on_one_saga_both_land_after_a_concurrency_retry()
    {
        var gate = new RaceGate(parties: 2);
        await using var provider = BuildProvider(gate);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var sagaHarness = harness.GetSagaStateMachineHarness<CounterStateMachine, CounterSaga>();
        var reader = provider.GetRequiredService<ISagaStateReader<CounterSaga>>();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new StartCounter(id));
        Assert.NotNull(await sagaHarness.Exists(id, m => m.Counting));

        await Task.WhenAll(
            harness.Bus.Publish(new BumpCounter(id, "a")),
            harness.Bus.Publish(new BumpCounter(id, "b")));

        var saga = await Eventually.Get(() => reader.FindAsync(id), s => s?.Count == 2);
        Assert.NotNull(saga);
        Assert.Equal(2, saga.Count);
        Assert.Equal(["a", "b"], saga.Marks.Order());
        Assert.Equal("Counting", saga.CurrentState);
        Assert.True(gate.Retries >= 1, "the losing save should have been retried after a ConcurrencyException");
        Assert.False(await harness.Published.Any<Fault<BumpCounter>>());
    }

    [Fact]
    public async Task Fifty_sagas_driven_through_the_bus_at_once_all_persist_their_events()
    {
        await using var provider = BuildProvider(new RaceGate(parties: 1));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var reader = provider.GetRequiredService<ISagaStateReader<CounterSaga>>();
        var ids = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(ids.Select(id => harness.Bus.Publish(new StartCounter(id))));
        await Eventually.Get(() => reader.ListAsync(limit: 100), all => all.Count == 50);
        await Task.WhenAll(ids.SelectMany(id => new[]
        {
            harness.Bus.Publish(new BumpCounter(id, "x")),
            harness.Bus.Publish(new BumpCounter(id, "y")),
        }));

        var sagas = await Eventually.Get(() => reader.ListAsync(limit: 100), all => all.All(s => s.Count == 2));
        Assert.Equal(50, sagas.Count);
        Assert.All(sagas, s => Assert.Equal(2, s.Count));
        Assert.False(await harness.Published.Any<Fault<BumpCounter>>());
        Assert.False(await harness.Published.Any<Fault<StartCounter>>());
    }

    [Fact]
    public async Task An_event_correlated_by_a_query_reaches_only_the_matching_sagas()
    {
        await using var provider = BuildProvider(new RaceGate(parties: 1));
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var reader = provider.GetRequiredService<ISagaStateReader<CounterSaga>>();
        var marked = Guid.NewGuid();
        var unmarked = Guid.NewGuid();
        await harness.Bus.Publish(new StartCounter(marked));
        await harness.Bus.Publish(new StartCounter(unmarked));
        // Both saved before they are bumped: a bump that overtook its start would find no saga.
        await Eventually.Get(() => reader.ListAsync(), all => all.Count == 2);
        await harness.Bus.Publish(new BumpCounter(marked, "red"));
        await harness.Bus.Publish(new BumpCounter(unmarked, "blue"));
        await Eventually.Get(() => reader.ListAsync(), all => all.Count == 2 && all.All(s => s.Count == 1));

        await harness.Bus.Publish(new TagCountersMarked("red", "tagged"));

        var tagged = await Eventually.Get(() => reader.FindAsync(marked), s => s?.Marks.Contains("tagged") == true);
        Assert.Equal(["red", "tagged"], tagged!.Marks);
        Assert.True(await harness.Consumed.Any<TagCountersMarked>());
        Assert.Equal(["blue"], (await reader.FindAsync(unmarked))!.Marks);
    }
}
