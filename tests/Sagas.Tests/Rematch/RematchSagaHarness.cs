using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Rematch;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.Rematch;

/// <summary>A fresh test harness per test: the real VideoRematch state machine and catalog-change fan-out, a
/// scripted re-match consumer, and a list of completed videos standing in for the video sagas.</summary>
public sealed class RematchSagaHarness : IAsyncDisposable
{
    readonly ServiceProvider provider;

    RematchSagaHarness(ServiceProvider provider)
    {
        this.provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<VideoRematchStateMachine, VideoRematchState>();
    }

    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<VideoRematchStateMachine, VideoRematchState> Saga { get; }
    public VideoRematchStateMachine Machine => Saga.StateMachine;

    public static async Task<RematchSagaHarness> StartAsync(StepScript script, IReadOnlyList<Guid> completedVideos,
        ScriptedRematch outcome = ScriptedRematch.NewVersion, StepPolicy? policy = null)
    {
        var provider = new ServiceCollection()
            .AddSingleton(script)
            .AddSingleton(new RematchScript(outcome))
            .AddSingleton<ISagaStateReader<VideoProcessingState>>(new CompletedVideos(completedVideos))
            .AddSingleton(policy ?? new StepPolicy { StepTimeout = TimeSpan.FromSeconds(30), MaxAttempts = 3 })
            .AddMassTransitTestHarness(x =>
            {
                x.AddDelayedMessageScheduler();
                x.AddSagaStateMachine<VideoRematchStateMachine, VideoRematchState, VideoRematchSagaDefinition>();
                x.AddConsumer<CatalogChangeRematchConsumer>();
                x.AddConsumer<ScriptedRematchConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = new RematchSagaHarness(provider);
        harness.Harness.TestTimeout = TimeSpan.FromSeconds(20);
        await harness.Harness.Start();
        return harness;
    }

    public static CatalogIngestionCompleted BatchCompleted(int ingested, params string[] removed) =>
        new(Guid.NewGuid(), new StoredObject("catalog", "new-in.csv", 10, "sha256:abc"), ingested, 0, [], removed, null);

    public async Task<VideoRematchState> WaitForState(Guid id, State state)
    {
        var found = await Saga.Exists(id, _ => state, Harness.TestTimeout);
        Assert.True(found.HasValue, $"re-match saga {id} never reached {state.Name}");
        return Saga.Sagas.Contains(id);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
    }
}

public enum ScriptedRematch
{
    NewVersion,
    Unchanged,
}

public sealed record RematchScript(ScriptedRematch Outcome);

/// <summary>Stands in for the real re-match consumer (tested on real data in Api.Tests).</summary>
public sealed class ScriptedRematchConsumer(StepScript script, RematchScript outcome) : IConsumer<RematchVideo>
{
    public async Task Consume(ConsumeContext<RematchVideo> context)
    {
        var m = context.Message;
        switch (script.Next(RematchStepNames.Rematch))
        {
            case StepBehaviour.Succeed:
                var changed = outcome.Outcome == ScriptedRematch.NewVersion;
                await context.Publish(new VideoRematchResult(m.RematchId, m.VideoId, changed ? 2 : 1,
                    changed ? $"videos/{m.VideoId:N}/shoppable.v2.json" : $"videos/{m.VideoId:N}/shoppable.json", changed,
                    changed ? "written" : "unchanged"));
                break;
            case StepBehaviour.RejectInput:
                await context.Publish(new RematchStepFailed(m.RematchId, "the descriptors are corrupt"));
                break;
            case StepBehaviour.Throw:
                throw new InvalidOperationException("the re-match crashed");
        }
    }
}

/// <summary>The video sagas as the fan-out reads them: these videos are Completed.</summary>
sealed class CompletedVideos(IReadOnlyList<Guid> ids) : ISagaStateReader<VideoProcessingState>
{
    IReadOnlyList<VideoProcessingState> All => ids.Select(id => new VideoProcessingState { CorrelationId = id, CurrentState = "Completed" }).ToList();

    public Task<VideoProcessingState?> FindAsync(Guid correlationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(All.FirstOrDefault(v => v.CorrelationId == correlationId));

    public Task<IReadOnlyList<VideoProcessingState>> ListAsync(int limit = 100, int offset = 0, string? state = null,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<VideoProcessingState>>(All.Where(v => state is null || v.CurrentState == state).Skip(offset).Take(limit).ToList());

    public Task<int> CountAsync(string? state = null, CancellationToken cancellationToken = default) => Task.FromResult(ids.Count);

    public Task<IReadOnlyList<VideoProcessingState>> ListUnfinishedAsync(IReadOnlyCollection<string> finalStateNames,
        CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<VideoProcessingState>>([]);
}
