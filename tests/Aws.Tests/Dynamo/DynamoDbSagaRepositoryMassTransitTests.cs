using Amazon.DynamoDBv2;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Tests.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>The counter saga driven through a MassTransit test harness with its state in dynalite.</summary>
public sealed class DynamoDbSagaRepositoryMassTransitTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>, IAsyncLifetime
{
    DynamoDbSettings _settings = null!;
    ObservedDynamoDbClient _client = null!;

    public async Task InitializeAsync()
    {
        _settings = await dynamo.NewTablesAsync();
        _client = new ObservedDynamoDbClient(_settings);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    ServiceProvider BuildProvider(RaceGate gate) =>
        new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(_client)
            .AddDynamoDb(_settings)
            .AddSingleton(gate)
            .AddMassTransitTestHarness(x =>
            {
                x.AddSagaStateMachine<CounterStateMachine, CounterSaga>()
                    .DynamoDbRepository();

                x.AddConfigureEndpointsCallback((_, cfg) =>
                {
                    // Enough immediate retries for ten parties that all lose but one per round.
                    cfg.UseMessageRetry(r => r.Immediate(20));
                    // Several messages for one saga in flight at once is the situation under test.
                    cfg.PrefetchCount = 16;
                    cfg.ConcurrentMessageLimit = 16;
                });
            })
            .BuildServiceProvider(true);

    [Theory]
    [InlineData(2)]
    [InlineData(10)]
    public async Task Events_racing_on_one_saga_all_land_after_conditional_write_failures_are_retried(int racers)
    {
        var gate = new RaceGate(parties: racers);
        await using var provider = BuildProvider(gate);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var sagaHarness = harness.GetSagaStateMachineHarness<CounterStateMachine, CounterSaga>();
        var reader = provider.GetRequiredService<ISagaStateReader<CounterSaga>>();
        var id = Guid.NewGuid();

        await harness.Bus.Publish(new StartCounter(id));
        Assert.NotNull(await sagaHarness.Exists(id, m => m.Counting));

        var marks = Enumerable.Range(0, racers).Select(i => $"m{i:00}").ToList();
        await Task.WhenAll(marks.Select(mark => harness.Bus.Publish(new BumpCounter(id, mark))));

        var saga = await Eventually.Get(() => reader.FindAsync(id), s => s?.Count == racers);
        Assert.NotNull(saga);
        Assert.Equal(racers, saga.Count);
        Assert.Equal(marks, saga.Marks.Order());
        Assert.Equal(1 + racers, saga.Version);
        Assert.Equal("Counting", saga.CurrentState);
        // Every racer loaded the same version, so all but one first write must have failed its condition.
        Assert.True(_client.ConditionalFailures >= racers - 1,
            $"expected at least {racers - 1} conditional failures, saw {_client.ConditionalFailures}");
        Assert.True(gate.Retries >= racers - 1, "the losing saves should have been retried after a ConcurrencyException");
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
        var sagaHarness = harness.GetSagaStateMachineHarness<CounterStateMachine, CounterSaga>();
        await harness.Bus.Publish(new StartCounter(marked));
        await harness.Bus.Publish(new StartCounter(unmarked));
        // A bump that overtakes its start finds no saga and is dropped, so wait for both to be stored.
        Assert.NotNull(await sagaHarness.Exists(marked, m => m.Counting));
        Assert.NotNull(await sagaHarness.Exists(unmarked, m => m.Counting));
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
