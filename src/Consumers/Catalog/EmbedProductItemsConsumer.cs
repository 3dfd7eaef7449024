using MassTransit;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Describes the detected product region (appearance and colour). Nothing detected, or no
/// models configured: nothing to embed.</summary>
public sealed class EmbedProductItemsConsumer(IProductPhotoVision vision) : IConsumer<EmbedProductItems>
{
    public async Task Consume(ConsumeContext<EmbedProductItems> context)
    {
        var (id, item) = (context.Message.ProductImageId, context.Message.Item);
        if (item is null)
        {
            await context.Publish(new ProductItemsEmbedded(id, null));
            return;
        }
        try
        {
            var embedded = await vision.DescribeAsync(context.Message.Bucket, context.Message.Product, item, context.CancellationToken);
            await context.Publish(new ProductItemsEmbedded(id, embedded));
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new ProductImageStepFailed(id, ProductImageStepNames.Embed, reason));
        }
    }
}
