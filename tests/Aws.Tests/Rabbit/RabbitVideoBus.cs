using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>The real VideoProcessing state machine and scripted step consumers on a real MassTransit bus
/// over the real broker, configured by the aws profile's own <see cref="RabbitMqBusTransport"/> and retry
/// policy. Saga state is in memory: the broker, not the repository, is under test. Each bus names its
/// queues with a prefix of its own, so tests sharing a broker never read each other's messages.</summary>
public sealed class RabbitVideoBus : IAsyncDisposable
{
    readonly ServiceProvider provider;

    RabbitVideoBus(ServiceProvider provider, IEndpointNameFormatter names)
    {
        this.provider = provider;
        Bus = provider.GetRequiredService<IBusControl>();
        Outcomes = provider.GetRequiredService<VideoOutcomes>();
        SagaQueue = names.Saga<VideoProcessingState>();
        StepQueue = names.Consumer<HeldStepConsumer>();
    }

    public IBusControl Bus { get; }
    public VideoOutcomes Outcomes { get; }
    public string SagaQueue { get; }
    public string StepQueue { get; }

    /// <param name="hold">holds a step consumer's first delivery of one step.</param>
    /// <param name="sagaFilter">runs around the saga's state machine, inside the endpoint's outbox.</param>
    public static async Task<RabbitVideoBus> StartAsync(RabbitMqServer broker, StepScript script, StepPolicy policy, StepHold? hold = null,
        IFilter<SagaConsumeContext<VideoProcessingState>>? sagaFilter = null)
    {
        var names = new KebabCaseEndpointNameFormatter($"t{Guid.NewGuid():N}"[..9], false);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(script)
            .AddSingleton(policy)
            .AddSingleton(hold ?? new StepHold())
            .AddSingleton<VideoOutcomes>();
        services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(names);
            x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>(saga =>
            {
                if (sagaFilter is not null)
                    saga.UseFilter(sagaFilter);
            }).InMemoryRepository();
            x.AddConsumer<HeldStepConsumer>();
            x.AddConsumer<VideoOutcomeConsumer>();
            x.AddStepRetry();
            x.UsingShoppableRabbitMq(new RabbitMqBusOptions { Host = new Uri($"amqp://127.0.0.1:{broker.AmqpPort}/") });
        });
        var bus = new RabbitVideoBus(services.BuildServiceProvider(true), names);
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.Bus.StartAsync(starting.Token);
        return bus;
    }

    public static VideoObjectCreated NewVideo() =>
        new(Guid.NewGuid(), new StoredObject("videos", "clip.mp4", 1234, "sha256:abc"));

    public async Task<VideoProcessingState> SagaAsync(Guid videoId) =>
        await provider.GetRequiredService<ILoadSagaRepository<VideoProcessingState>>().Load(videoId)
        ?? throw new InvalidOperationException($"no saga for {videoId}");

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await Bus.StopAsync(stopping.Token); }
        catch (OperationCanceledException) { }
        await provider.DisposeAsync();
    }
}
