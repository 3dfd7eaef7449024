using System.Text.Json;
using MassTransit;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Metadata;

/// <summary>Writes the shoppable document once, under a key derived from the video id. A repeated command
/// (retry, resume after a crash) finds the document and reports it without writing a second one.</summary>
public sealed class PublishMetadataConsumer(IObjectStore store) : IConsumer<PublishMetadata>
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task Consume(ConsumeContext<PublishMetadata> context)
    {
        var key = ShoppableDocument.KeyFor(context.Message.VideoId);
        if (!await store.ExistsAsync(Buckets.Output, key, context.CancellationToken))
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(ShoppableDocument.From(context.Message), JsonOptions);
            await store.WriteAsync(Buckets.Output, key, new MemoryStream(bytes), context.CancellationToken);
        }
        await context.Publish(new MetadataPublished(context.Message.VideoId, key));
    }
}
