using MassTransit;
using ShoppableVideo.Api.Events.Webhooks;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// Turns the bus's completion messages into <see cref="CompletionEvent"/>s for SSE clients and webhook
/// subscribers. It only queues (one SQLite insert, channel writes) and never calls a subscriber, so the
/// sagas that publish these messages are never held up by who listens.
/// </summary>
public sealed class CompletionEventsConsumer(WebhookOutbox outbox, CompletionEventBroadcaster broadcaster, TimeProvider clock) :
    IConsumer<VideoProcessingCompleted>,
    IConsumer<VideoProcessingFailed>,
    IConsumer<CatalogIngestionCompleted>,
    IConsumer<CatalogIngestionFailed>
{
    public Task Consume(ConsumeContext<VideoProcessingCompleted> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<VideoProcessingFailed> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<CatalogIngestionCompleted> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<CatalogIngestionFailed> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    async Task HandAsync(CompletionEvent completion, CancellationToken ct)
    {
        // Outbox first: if the insert fails the bus retries the message, and SSE clients then see the
        // event once (the broadcaster drops repeats by id) rather than before a webhook row exists.
        await outbox.EnqueueAsync(completion, ct);
        broadcaster.Publish(completion);
    }

    DateTimeOffset OccurredAt(ConsumeContext context) =>
        context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : clock.GetUtcNow();
}
