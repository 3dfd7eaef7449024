using MassTransit;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Catalog;

/// <summary>Tells the product index each catalog batch that finished, on whichever worker hears it, so the
/// version a re-index is building replaces the serving one when its last batch completes (or is abandoned when
/// one fails). The rebuild's pending batches live in the index itself, so this consumer keeps no state. With
/// an index that does not rebuild (SQLite) there is nothing to tell.</summary>
public sealed class ProductIndexRebuildConsumer(IProductIndexRebuild? rebuild = null)
    : IConsumer<CatalogIngestionCompleted>, IConsumer<CatalogIngestionFailed>
{
    public async Task Consume(ConsumeContext<CatalogIngestionCompleted> context)
    {
        if (rebuild is not null)
            await rebuild.BatchFinishedAsync(context.Message.BatchId, completed: true, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CatalogIngestionFailed> context)
    {
        if (rebuild is not null)
            await rebuild.BatchFinishedAsync(context.Message.BatchId, completed: false, context.CancellationToken);
    }
}
