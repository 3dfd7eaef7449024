using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Removes from the index and the product catalog what an earlier version of the manifest
/// listed and this version does not. Only products whose source is this manifest are candidates, so a
/// product another manifest has since claimed stays.</summary>
public sealed class PruneCatalogManifestConsumer(IProductIndex index, IProductCatalog catalog) : IConsumer<PruneCatalogManifest>
{
    public async Task Consume(ConsumeContext<PruneCatalogManifest> context)
    {
        var (message, token) = (context.Message, context.CancellationToken);
        var listed = message.ListedProductIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = (await index.ListFromSourceAsync(message.Manifest.Key, token)).Where(id => !listed.Contains(id)).ToList();
        foreach (var productId in removed)
        {
            await index.DeleteAsync(productId, token);
            await catalog.DeleteAsync(productId, token);
        }
        await context.Publish(new CatalogManifestPruned(message.BatchId, removed));
    }
}
