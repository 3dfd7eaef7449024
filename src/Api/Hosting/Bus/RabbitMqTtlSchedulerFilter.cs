using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using MassTransit.Scheduling;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Gives every consumed message the TTL scheduler, as MassTransit's UseDelayedMessageScheduler does
/// for its own: a saga's Schedule(...) finds it there (through the in-memory outbox, which holds the
/// scheduled message back until the saga's state is saved).</summary>
sealed class RabbitMqTtlSchedulerFilter(RabbitMqDelayQueues delayQueues, Uri hostAddress) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        context.GetOrAddPayload<MessageSchedulerContext>(() => new ConsumeMessageSchedulerContext(context, SchedulerFor));
        return next.Send(context);
    }

    IMessageScheduler SchedulerFor(ConsumeContext context) =>
        new MessageScheduler(new RabbitMqTtlScheduleMessageProvider(context, delayQueues, hostAddress), context.GetPayload<IBusTopology>());

    public void Probe(ProbeContext context) => context.CreateFilterScope("rabbitMqTtlScheduler");
}
