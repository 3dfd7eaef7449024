using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client.Events;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>
/// Lets go of a delivery whose channel died while its consumer was still running (the broker restarted
/// in the middle of a step). MassTransit runs a consumer inside RabbitMQ.Client's delivery handler, and
/// the client finishes shutting a dead channel down, and so lets MassTransit reconnect, only once that
/// handler returns; a consumer that then publishes its result waits for a connection that cannot come
/// back, and the whole bus stalls. Returning as soon as the channel is gone breaks that wait: the
/// message was never acknowledged, so the broker delivers it again after the restart, and the step
/// runs again (every consumer is idempotent; a duplicate result is ignored by the saga).
/// </summary>
sealed class AbandonOnChannelShutdownFilter : IFilter<ConsumeContext>
{
    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (!context.ReceiveContext.TryGetPayload<ChannelContext>(out var channelContext))
        {
            await next.Send(context);
            return;
        }

        var channel = channelContext.Channel;
        var shutDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AsyncEventHandler<ShutdownEventArgs> onShutdown = (_, _) =>
        {
            shutDown.TrySetResult();
            return Task.CompletedTask;
        };
        channel.ChannelShutdownAsync += onShutdown;
        try
        {
            if (!channel.IsOpen)
                shutDown.TrySetResult();
            var consuming = next.Send(context);
            if (await Task.WhenAny(consuming, shutDown.Task) == consuming)
            {
                await consuming;
                return;
            }
            // The abandoned consumer finishes on its own; what it fails with is of no use to anyone now.
            _ = consuming.ContinueWith(t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            LogContext.Warning?.Log("Channel closed while consuming {MessageId} on {InputAddress}; it is left for redelivery",
                context.MessageId, context.ReceiveContext.InputAddress);
        }
        finally
        {
            channel.ChannelShutdownAsync -= onShutdown;
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("abandonOnChannelShutdown");
}
