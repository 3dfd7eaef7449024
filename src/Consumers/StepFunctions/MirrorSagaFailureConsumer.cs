using MassTransit;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Records the saga's failure event as the failure of the step it names.</summary>
public sealed class MirrorSagaFailureConsumer<T>(SagaFailureSignal<T> signal, StepFunctionsMirror mirror,
    ILogger<MirrorSagaFailureConsumer<T>> logger) : IConsumer<T> where T : class
{
    public Task Consume(ConsumeContext<T> context) => MirrorGuard.Run(logger, typeof(T), context.CancellationToken, () =>
        mirror.StepFailedAsync(new MirroredTask(signal.Saga, signal.SagaId(context.Message), signal.Step(context.Message)),
            signal.Reason(context.Message), context.CancellationToken));
}
