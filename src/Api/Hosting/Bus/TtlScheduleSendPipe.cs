using MassTransit;

namespace ShoppableVideo.Api.Hosting.Bus;

/// <summary>Marks a message sent to a delay queue as the scheduled message MassTransit's state machines
/// expect: its token in the scheduling header (so a saga ignores a timeout it has since replaced) and its
/// real destination in the envelope, not the delay exchange it travels through.</summary>
sealed class TtlScheduleSendPipe<T>(IPipe<SendContext<T>> pipe, Uri destination, Guid tokenId) : IPipe<SendContext<T>>
    where T : class
{
    public Guid TokenId { get; private set; } = tokenId;

    public async Task Send(SendContext<T> context)
    {
        context.DestinationAddress = destination;
        context.ScheduledMessageId = TokenId;
        context.Headers.Set(MessageHeaders.SchedulingTokenId, TokenId.ToString("D"));
        if (pipe.IsNotEmpty())
            await pipe.Send(context);
        // The caller's pipe may have chosen its own token; that is the one the saga keeps.
        TokenId = context.ScheduledMessageId ?? TokenId;
    }

    public void Probe(ProbeContext context) => pipe.Probe(context);
}
