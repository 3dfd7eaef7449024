using MassTransit;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

public sealed class IndexProductConsumer(IProductCatalog catalog) : IConsumer<IndexProduct>
{
    public async Task Consume(ConsumeContext<IndexProduct> context)
    {
        await catalog.UpsertAsync(context.Message.Product, context.Message.ImageContentHash, context.CancellationToken);
        await context.Publish(new ProductIndexed(context.Message.ProductImageId));
    }
}
