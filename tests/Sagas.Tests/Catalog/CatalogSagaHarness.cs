using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>A fresh MassTransit test harness per test: the real catalog batch and product image state
/// machines, an in-memory bus with a delayed scheduler (for step timeouts), scripted step consumers, and
/// the reports <see cref="LostReports"/> is told to lose.</summary>
public sealed class CatalogSagaHarness : IAsyncDisposable
{
    readonly ServiceProvider provider;

    CatalogSagaHarness(ServiceProvider provider, LostReports lostReports)
    {
        this.provider = provider;
        LostReports = lostReports;
        Harness = provider.GetRequiredService<ITestHarness>();
        Batches = Harness.GetSagaStateMachineHarness<CatalogIngestionStateMachine, CatalogIngestionState>();
        Images = Harness.GetSagaStateMachineHarness<ProductImageStateMachine, ProductImageState>();
    }

    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<CatalogIngestionStateMachine, CatalogIngestionState> Batches { get; }
    public ISagaStateMachineTestHarness<ProductImageStateMachine, ProductImageState> Images { get; }
    public LostReports LostReports { get; }

    public static async Task<CatalogSagaHarness> StartAsync(CatalogScript script, IReadOnlySet<Guid> lostReports)
    {
        var lost = new LostReports(lostReports);
        var provider = new ServiceCollection()
            .AddSingleton(script)
            .AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromSeconds(30), MaxAttempts = 3 })
            .AddMassTransitTestHarness(x =>
            {
                x.AddDelayedMessageScheduler();
                x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseFilter(lost));
                x.AddSagaStateMachine<CatalogIngestionStateMachine, CatalogIngestionState, CatalogIngestionSagaDefinition>();
                x.AddSagaStateMachine<ProductImageStateMachine, ProductImageState, ProductImageSagaDefinition>();
                x.AddConsumer<ScriptedCatalogStepConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = new CatalogSagaHarness(provider, lost);
        harness.Harness.TestTimeout = TimeSpan.FromSeconds(20);
        await harness.Harness.Start();
        return harness;
    }

    /// <summary>Waits until the product image saga reaches <paramref name="state"/>.</summary>
    public async Task WaitForImage(Guid id, Func<ProductImageStateMachine, State> state)
    {
        var found = await Images.Exists(id, state, Harness.TestTimeout);
        Assert.True(found.HasValue, $"product image {id} never reached {state(Images.StateMachine).Name}");
    }

    /// <summary>Waits until the batch saga reaches <paramref name="state"/> and returns its instance.</summary>
    public async Task<CatalogIngestionState> WaitForBatch(Guid id, Func<CatalogIngestionStateMachine, State> state)
    {
        var found = await Batches.Exists(id, state, Harness.TestTimeout);
        Assert.True(found.HasValue, $"batch {id} never reached {state(Batches.StateMachine).Name}");
        return Batches.Sagas.Contains(id);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
    }
}
