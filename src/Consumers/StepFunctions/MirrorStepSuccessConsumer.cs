using MassTransit;
using Microsoft.Extensions.Logging;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Records a step's result event as that step's success.</summary>
public sealed class MirrorStepSuccessConsumer<T>(StepSuccessSignal<T> signal, StepFunctionsMirror mirror,
    ILogger<MirrorStepSuccessConsumer<T>> logger) : IConsumer<T> where T : class
{
    public Task Consume(ConsumeContext<T> context) => MirrorGuard.Run(logger, typeof(T), context.CancellationToken, () =>
        mirror.StepSucceededAsync(new MirroredTask(signal.Saga, signal.SagaId(context.Message), signal.Step), context.CancellationToken));
}
