using MassTransit;
using MassTransit.Scheduling;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Schedules a message by sending it now to a delay queue whose time to live is the delay (see
/// <see cref="RabbitMqDelayQueues"/>); the broker hands it to the destination when it expires. Nothing is
/// held in the process, so no timeout is lost when a worker or the broker restarts. Cancelling does
/// nothing, like MassTransit's own transport-delay scheduler: a state machine ignores a timeout whose
/// token it no longer holds.</summary>
public sealed class RabbitMqTtlScheduleMessageProvider(ISendEndpointProvider sendEndpoints, RabbitMqDelayQueues delayQueues, Uri hostAddress)
    : IScheduleMessageProvider
{
    public async Task<ScheduledMessage<T>> ScheduleSend<T>(Uri destinationAddress, DateTime scheduledTime, T message,
        IPipe<SendContext<T>> pipe, CancellationToken cancellationToken) where T : class
    {
        var delay = RabbitMqDelayQueues.Round(scheduledTime.Kind == DateTimeKind.Local
            ? scheduledTime - DateTime.Now
            : scheduledTime - DateTime.UtcNow);
        var schedulePipe = new TtlScheduleSendPipe<T>(pipe, destinationAddress, ScheduleTokenIdCache<T>.GetTokenId(message));

        ISendEndpoint endpoint;
        if (delay <= TimeSpan.Zero)
            endpoint = await sendEndpoints.GetSendEndpoint(destinationAddress);
        else
        {
            var destination = new RabbitMqEndpointAddress(hostAddress, destinationAddress).Name;
            var exchange = await delayQueues.EnsureAsync(destination, delay);
            endpoint = await sendEndpoints.GetSendEndpoint(new Uri($"exchange:{exchange}"));
        }
        await endpoint.Send(message, schedulePipe, cancellationToken);

        return new ScheduledMessageHandle<T>(schedulePipe.TokenId, scheduledTime, destinationAddress, message);
    }

    public Task CancelScheduledSend(Guid tokenId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CancelScheduledSend(Uri destinationAddress, Guid tokenId, CancellationToken cancellationToken) => Task.CompletedTask;
}
