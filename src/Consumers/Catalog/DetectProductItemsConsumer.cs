using MassTransit;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Finds the region of the product photo that shows the product (the torso for a top, the bag
/// for a bag...). With no vision models configured it says so and reports no region: the product is
/// still listed, it just cannot be matched visually.</summary>
public sealed class DetectProductItemsConsumer(IProductPhotoVision vision) : IConsumer<DetectProductItems>
{
    public async Task Consume(ConsumeContext<DetectProductItems> context)
    {
        var id = context.Message.ProductImageId;
        try
        {
            var (item, analysis) = await vision.FindProductAsync(context.Message.Bucket, context.Message.Product, context.CancellationToken);
            await context.Publish(new ProductItemsDetected(id, analysis, item));
        }
        catch (Exception e) when (PermanentFailure.ReasonFor(e) is { } reason)
        {
            await context.Publish(new ProductImageStepFailed(id, ProductImageStepNames.Detect, reason));
        }
    }
}
