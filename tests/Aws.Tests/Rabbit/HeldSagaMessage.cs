using MassTransit;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>Plays a process dying in the saga's first handling of one message type, at the worst point: the
/// state machine has run and the saga moved on, but the endpoint's outbox has not sent what it produced and
/// the broker has no acknowledgement. The handling waits there on <paramref name="hold"/> (named after the
/// message type) until the test releases it, then throws, so the outbox discards the commands it held.</summary>
public sealed class HeldSagaMessage<T>(StepHold hold) : IFilter<SagaConsumeContext<VideoProcessingState>>
    where T : class
{
    public async Task Send(SagaConsumeContext<VideoProcessingState> context, IPipe<SagaConsumeContext<VideoProcessingState>> next)
    {
        await next.Send(context);
        if (context.TryGetMessage<T>(out _) && await hold.PassAsync(typeof(T).Name))
            throw new InvalidOperationException($"the process handling {typeof(T).Name} died before its outbox sent");
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("heldSagaMessage");
}
