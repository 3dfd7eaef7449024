using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Turns each declared signal into a consumer on the mirror's own endpoint, with the signal as
/// the consumer's configuration.</summary>
public sealed class MirrorSignalRegistry(IBusRegistrationConfigurator bus)
{
    /// <summary>One endpoint for every mirror consumer: its backlog never sits in front of a saga's messages.</summary>
    public const string EndpointName = "stepfunctions-mirror";

    public void Starts<T>(string saga, Func<T, Guid> sagaId, Func<T, JsonObject> input) where T : class
    {
        bus.AddSingleton(new SagaStartSignal<T>(saga, sagaId, input));
        OnMirrorEndpoint(bus.AddConsumer<MirrorSagaStartConsumer<T>>());
    }

    public void Succeeds<T>(string saga, string step, Func<T, Guid> sagaId) where T : class
    {
        bus.AddSingleton(new StepSuccessSignal<T>(saga, step, sagaId));
        OnMirrorEndpoint(bus.AddConsumer<MirrorStepSuccessConsumer<T>>());
    }

    public void Fails<T>(string saga, Func<T, Guid> sagaId, Func<T, string> step, Func<T, string> reason) where T : class
    {
        bus.AddSingleton(new SagaFailureSignal<T>(saga, sagaId, step, reason));
        OnMirrorEndpoint(bus.AddConsumer<MirrorSagaFailureConsumer<T>>());
    }

    static void OnMirrorEndpoint<TConsumer>(IConsumerRegistrationConfigurator<TConsumer> consumer) where TConsumer : class, IConsumer =>
        consumer.Endpoint(e => e.Name = EndpointName);
}
