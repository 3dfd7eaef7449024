using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// The bus's completion messages as <see cref="CompletionEvent"/>s, for one kind of listener. Two kinds,
/// on two kinds of endpoint: <see cref="ServerSentEventsConsumer"/> on a queue of each process's own, since
/// the SSE clients of every API process must hear every event whichever worker finished the video; and
/// <see cref="WebhookOutboxConsumer"/> on the shared queue, since each delivery must be queued once.
/// </summary>
public abstract class CompletionEventConsumer(TimeProvider clock) :
    IConsumer<VideoProcessingCompleted>,
    IConsumer<VideoProcessingFailed>,
    IConsumer<VideoRematched>,
    IConsumer<CatalogIngestionCompleted>,
    IConsumer<CatalogIngestionFailed>
{
    protected abstract Task HandAsync(CompletionEvent completion, CancellationToken ct);

    public Task Consume(ConsumeContext<VideoProcessingCompleted> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<VideoProcessingFailed> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<VideoRematched> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<CatalogIngestionCompleted> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    public Task Consume(ConsumeContext<CatalogIngestionFailed> context) =>
        HandAsync(CompletionEventMapper.From(context.Message, OccurredAt(context)), context.CancellationToken);

    DateTimeOffset OccurredAt(ConsumeContext context) =>
        context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : clock.GetUtcNow();
}

/// <summary>Hands each event to this process's SSE clients (the broadcaster drops a redelivered one).</summary>
public sealed class ServerSentEventsConsumer(CompletionEventBroadcaster broadcaster, TimeProvider clock) : CompletionEventConsumer(clock)
{
    protected override Task HandAsync(CompletionEvent completion, CancellationToken ct) => broadcaster.PublishAsync(completion, ct);
}

/// <summary>Queues each event for the webhook subscribers; it never calls one, so the sagas that publish
/// these messages are never held up by who listens.</summary>
public sealed class WebhookOutboxConsumer(Webhooks.IWebhookOutbox outbox, TimeProvider clock) : CompletionEventConsumer(clock)
{
    protected override Task HandAsync(CompletionEvent completion, CancellationToken ct) => outbox.EnqueueAsync(completion, ct);
}
