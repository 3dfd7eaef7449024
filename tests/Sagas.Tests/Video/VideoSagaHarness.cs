using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.Video;

/// <summary>A fresh MassTransit test harness per test: the real VideoProcessing state machine, an
/// in-memory bus with a delayed scheduler (for step timeouts) and scripted step consumers.</summary>
public sealed class VideoSagaHarness : IAsyncDisposable
{
    readonly ServiceProvider provider;

    VideoSagaHarness(ServiceProvider provider)
    {
        this.provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
        Saga = Harness.GetSagaStateMachineHarness<VideoProcessingStateMachine, VideoProcessingState>();
    }

    public ITestHarness Harness { get; }
    public ISagaStateMachineTestHarness<VideoProcessingStateMachine, VideoProcessingState> Saga { get; }
    public VideoProcessingStateMachine Machine => Saga.StateMachine;

    /// <param name="deliveryRetries">Immediate redeliveries of a failing step command before it becomes a
    /// Fault, as the hosts' endpoint retry does (there with waits); none by default.</param>
    public static async Task<VideoSagaHarness> StartAsync(StepScript script, StepPolicy? policy = null, int deliveryRetries = 0)
    {
        var provider = new ServiceCollection()
            .AddSingleton(script)
            .AddSingleton(policy ?? new StepPolicy { StepTimeout = TimeSpan.FromSeconds(30), MaxAttempts = 3 })
            .AddMassTransitTestHarness(x =>
            {
                x.AddDelayedMessageScheduler();
                if (deliveryRetries > 0)
                    x.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(r => r.Immediate(deliveryRetries)));
                x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>();
                x.AddConsumer<ScriptedVideoStepConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = new VideoSagaHarness(provider);
        harness.Harness.TestTimeout = TimeSpan.FromSeconds(20);
        await harness.Harness.Start();
        return harness;
    }

    public static VideoObjectCreated NewVideo() =>
        new(Guid.NewGuid(), new StoredObject("videos", "clip.mp4", 1234, "sha256:abc"));

    /// <summary>Waits until the saga reaches <paramref name="state"/> and returns its instance.</summary>
    public async Task<VideoProcessingState> WaitForState(Guid id, State state)
    {
        var found = await Saga.Exists(id, _ => state, Harness.TestTimeout);
        Assert.True(found.HasValue, $"saga {id} never reached {state.Name}");
        return Saga.Sagas.Contains(id);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await provider.DisposeAsync();
    }
}
