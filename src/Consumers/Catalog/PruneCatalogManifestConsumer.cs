using MassTransit;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>
/// The last step of a batch, where the index comes to follow the manifest in the bucket. When the key
/// still holds this batch's manifest, the products it no longer lists are released from it (and leave the
/// index and the product catalog once no manifest lists them). When the key holds another version now
/// (a newer one finished first, or the manifest was replaced while this batch ran), nothing is pruned: this
/// batch may have written older rows over the newer version's, so it hands over to a new batch of the
/// bucket's current manifest, whose own prune then finds it current. Idempotent: a second run finds nothing
/// left to release, and a redelivered hand-over names the same batch.
/// </summary>
public sealed class PruneCatalogManifestConsumer(IProductIndex index, IProductCatalog catalog, IObjectStore store)
    : IConsumer<PruneCatalogManifest>
{
    public async Task Consume(ConsumeContext<PruneCatalogManifest> context)
    {
        var (message, token) = (context.Message, context.CancellationToken);
        var manifest = message.Manifest;
        var current = await store.IdentifyAsync(manifest.Bucket, manifest.Key, token);
        if (current is null || !current.HoldsSameContentAs(manifest))
        {
            var successor = current is null ? null : HandOver(current, message.BatchId);
            if (successor is not null)
                await context.Publish(successor);
            await context.Publish(new CatalogManifestPruned(message.BatchId, [], successor?.BatchId));
            return;
        }

        var listed = message.ListedProductIds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var removed = new List<string>();
        foreach (var productId in (await index.ListFromSourceAsync(manifest.Key, token)).Where(id => !listed.Contains(id)))
        {
            if (await index.ReleaseAsync(productId, manifest.Key, token))
                await catalog.DeleteAsync(productId, token);
            removed.Add(productId);
        }
        await context.Publish(new CatalogManifestPruned(message.BatchId, removed, null));
    }

    /// <summary>A new batch of the manifest the key holds now, named after the batch it takes over from.</summary>
    static CatalogManifestCreated HandOver(StoredObject current, Guid supersededBatchId)
    {
        var successor = current with { Occurrence = $"{current.Occurrence}|after:{supersededBatchId:N}" };
        return new CatalogManifestCreated(ObjectEvents.SagaIdFor(successor), successor);
    }
}
