using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Puts the product's descriptor in the product index and its details in the product catalog.
/// Idempotent: indexing the same message twice leaves the same state.</summary>
public sealed class IndexProductConsumer(IProductIndex index, IProductCatalog catalog) : IConsumer<IndexProduct>
{
    public async Task Consume(ConsumeContext<IndexProduct> context)
    {
        var (message, token) = (context.Message, context.CancellationToken);
        var productId = message.Product.ProductId;
        if (message.Item is { } item)
            await index.UpsertAsync(new IndexedProductImage(productId, message.Source, message.ImageContentHash,
                Enum.Parse<ItemKind>(item.Kind), new ItemDescriptor(item.Views.Select(v => new ItemView(v.Appearance, v.Colour)).ToList())), token);
        else if (message.ImageUnchanged)
            await index.ClaimAsync(productId, message.Source, token);
        else
            // A new photo that could not be described: the vectors of the old photo would match the wrong thing.
            await index.DeleteAsync(productId, token);

        await catalog.UpsertAsync(message.Product, message.ImageContentHash, token);
        await context.Publish(new ProductIndexed(message.ProductImageId));
    }
}
