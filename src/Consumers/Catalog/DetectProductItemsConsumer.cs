using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Finds the item regions in a product photo. No detector is configured yet, so it says so and
/// reports no regions: the product is still listed, it just cannot be matched visually.</summary>
public sealed class DetectProductItemsConsumer : IConsumer<DetectProductItems>
{
    public Task Consume(ConsumeContext<DetectProductItems> context) =>
        context.Publish(new ProductItemsDetected(context.Message.ProductImageId, Vision.NotConfiguredFrameAnalyzer.Analysis, []));
}
