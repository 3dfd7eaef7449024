using MassTransit;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>
/// Rebuilds the product index from the manifests in the catalog bucket, the repair for an index that has
/// drifted from them (a lost write, a manifest deleted from the bucket, an S3 rollback that reused an
/// earlier ETag). Every manifest is applied again as a new batch: an unchanged photo keeps its vectors,
/// so this costs a decode per photo rather than a description, and a product missing from the index is
/// described again. Products listed only by manifests that are no longer in the bucket are released now.
/// An index that rebuilds beside the serving one (<see cref="IProductIndexRebuild"/>, OpenSearch) is told the
/// batches before any is published, so none can finish before the rebuild knows to wait for it.
/// </summary>
public sealed class CatalogReindexer(IObjectStore store, IProductIndex index, IProductCatalog catalog, IBus bus,
    IProductIndexRebuild? rebuild = null)
{
    public async Task<CatalogReindexStarted> StartAsync(CancellationToken cancellationToken)
    {
        // One mark for the whole run: each manifest becomes a new batch however often it was applied before.
        var run = Guid.NewGuid().ToString("N");
        var applied = new List<CatalogManifestCreated>();
        var batches = new List<ReindexedManifest>();
        await foreach (var key in store.ListAsync(Buckets.Catalog, "", cancellationToken))
        {
            if (!ObjectEvents.IsManifest(key) || await store.IdentifyAsync(Buckets.Catalog, key, cancellationToken) is not { } current)
                continue;
            var again = current with { Occurrence = $"{current.Occurrence}|reindex:{run}" };
            var batchId = ObjectEvents.SagaIdFor(again);
            applied.Add(new CatalogManifestCreated(batchId, again));
            batches.Add(new ReindexedManifest(key, batchId));
        }

        // With no manifest there is nothing to build: the release below empties the serving index in place.
        if (rebuild is not null && batches.Count > 0)
            await rebuild.BeginRebuildAsync(batches.Select(b => b.BatchId).ToList(), cancellationToken);
        foreach (var manifest in applied)
            await bus.Publish(manifest, cancellationToken);

        var inBucket = batches.Select(b => b.Manifest).ToHashSet(StringComparer.Ordinal);
        var released = new List<string>();
        foreach (var source in (await index.ListSourcesAsync(cancellationToken)).Where(s => !inBucket.Contains(s)))
            foreach (var productId in await index.ListFromSourceAsync(source, cancellationToken))
                if (await index.ReleaseAsync(productId, source, cancellationToken))
                {
                    await catalog.DeleteAsync(productId, cancellationToken);
                    released.Add(productId);
                }
        return new CatalogReindexStarted(batches, released);
    }
}

/// <summary>The batch that applies one manifest again.</summary>
public sealed record ReindexedManifest(string Manifest, Guid BatchId);

/// <summary>Released: products no manifest in the bucket lists any more, removed from the index.</summary>
public sealed record CatalogReindexStarted(IReadOnlyList<ReindexedManifest> Batches, IReadOnlyList<string> Released);
