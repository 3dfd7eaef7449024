using MassTransit;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Starts the saga's execution when the saga's start event goes by.</summary>
public sealed class MirrorSagaStartConsumer<T>(SagaStartSignal<T> signal, StepFunctionsMirror mirror,
    ILogger<MirrorSagaStartConsumer<T>> logger) : IConsumer<T> where T : class
{
    public Task Consume(ConsumeContext<T> context) => MirrorGuard.Run(logger, typeof(T), context.CancellationToken, () =>
        mirror.SagaStartedAsync(signal.Saga, signal.SagaId(context.Message), signal.Input(context.Message), context.CancellationToken));
}
