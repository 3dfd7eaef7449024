using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Embeds each detected region. With no embedder configured there is nothing to embed.</summary>
public sealed class EmbedProductItemsConsumer : IConsumer<EmbedProductItems>
{
    public Task Consume(ConsumeContext<EmbedProductItems> context) =>
        context.Publish(new ProductItemsEmbedded(context.Message.ProductImageId, Embeddings: 0));
}
