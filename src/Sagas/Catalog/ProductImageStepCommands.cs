using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>Builds the command for a product image's current step from saga state alone.</summary>
public static class ProductImageStepCommands
{
    public static object For(ProductImageState saga)
    {
        var id = saga.CorrelationId;
        var product = saga.Product ?? throw new InvalidOperationException($"Product image saga {id} has no product.");
        return saga.CurrentStep switch
        {
            ProductImageStepNames.Decode => new DecodeProductImage(id, saga.Bucket, product),
            ProductImageStepNames.Detect => new DetectProductItems(id, saga.Bucket, product),
            ProductImageStepNames.Embed => new EmbedProductItems(id, saga.Bucket, product, saga.Item),
            ProductImageStepNames.Index => new IndexProduct(id, product, saga.Source, saga.ImageContentHash ?? "",
                saga.Embedded, ImageUnchanged: saga.AlreadyIndexed),
            var step => throw new InvalidOperationException($"Product image saga {id} has no command for step '{step}'."),
        };
    }
}
