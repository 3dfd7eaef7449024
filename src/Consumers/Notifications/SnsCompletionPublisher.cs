using System.Text.Json;
using MassTransit;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Notifications;

/// <summary>Forwards completion and failure events to the SNS topic that users subscribe to, as JSON
/// ({"eventType":…,"id":…,"event":{…the bus event…}}) with an "eventType" message attribute to filter on.
/// The bus delivers at least once, so a subscriber may see an event twice (SNS standard topics do not
/// de-duplicate); the "id" (the saga's deterministic id) and "eventType" let it drop repeats. A failed
/// publish throws, and the bus's retry delivers the event again.</summary>
public sealed class SnsCompletionPublisher(SnsClient sns, SnsCompletionOptions options) :
    IConsumer<VideoProcessingCompleted>,
    IConsumer<VideoProcessingFailed>,
    IConsumer<VideoRematched>,
    IConsumer<CatalogIngestionCompleted>,
    IConsumer<CatalogIngestionFailed>
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task Consume(ConsumeContext<VideoProcessingCompleted> context) => PublishAsync(context, context.Message.VideoId);

    public Task Consume(ConsumeContext<VideoProcessingFailed> context) => PublishAsync(context, context.Message.VideoId);

    public Task Consume(ConsumeContext<VideoRematched> context) => PublishAsync(context, context.Message.RematchId);

    public Task Consume(ConsumeContext<CatalogIngestionCompleted> context) => PublishAsync(context, context.Message.BatchId);

    public Task Consume(ConsumeContext<CatalogIngestionFailed> context) => PublishAsync(context, context.Message.BatchId);

    Task PublishAsync<T>(ConsumeContext<T> context, Guid id) where T : class
    {
        var eventType = typeof(T).Name;
        var message = JsonSerializer.Serialize(new { eventType, id, @event = context.Message }, Json);
        return sns.PublishAsync(options.TopicArn, message, subject: eventType,
            attributes: new Dictionary<string, string> { ["eventType"] = eventType }, cancellationToken: context.CancellationToken);
    }
}
