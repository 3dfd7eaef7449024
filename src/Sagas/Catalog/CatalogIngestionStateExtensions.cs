using ShoppableVideo.Messages;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>Counting product outcomes back into the batch. Each product image reports once per outcome,
/// but a report may arrive twice: counting by id keeps the totals right.</summary>
public static class CatalogIngestionStateExtensions
{
    /// <summary>How many product images of one batch run at once. Submitting a whole catalog at once
    /// would start every row's step timeout while most of them wait in the queue, so a large manifest
    /// would time out rows that never got a turn.</summary>
    public const int MaxInFlight = 24;

    public static void RecordIngested(this CatalogIngestionState batch, Guid productImageId)
    {
        if (!batch.Ingested.Contains(productImageId))
            batch.Ingested.Add(productImageId);
        batch.UpdatePercent();
    }

    public static void RecordFailed(this CatalogIngestionState batch, ProductImageFailed failure)
    {
        if (!batch.FailedImages.Contains(failure.ProductImageId))
        {
            batch.FailedImages.Add(failure.ProductImageId);
            batch.Errors.Add(new ManifestRowError(failure.Line, $"{failure.ProductId}: {failure.Step} failed: {failure.Reason}"));
        }
        batch.UpdatePercent();
    }

    public static bool AllProductsReported(this CatalogIngestionState batch) =>
        batch.Ingested.Count + batch.FailedImages.Count >= batch.Products.Count;

    /// <summary>The submissions to send now: those submitted but unreported (again, after a restart they
    /// may have been lost; sagas that exist ignore a repeat), topped up with new rows to the window. A row
    /// that shares its photo with an earlier one waits until that one has reported.</summary>
    public static IReadOnlyList<ProductImageSubmitted> NextSubmissions(this CatalogIngestionState batch, bool resend)
    {
        var reported = batch.Ingested.Concat(batch.FailedImages).ToHashSet();
        var submitted = batch.Submitted.ToHashSet();
        var inFlight = batch.Products.Where(p => submitted.Contains(p.ProductImageId) && !reported.Contains(p.ProductImageId)).ToList();
        var fresh = batch.Products
            .Where(p => !submitted.Contains(p.ProductImageId) && !reported.Contains(p.ProductImageId))
            .Where(p => p.After is not { } leader || reported.Contains(leader))
            .Take(Math.Max(0, MaxInFlight - inFlight.Count))
            .ToList();
        batch.Submitted.AddRange(fresh.Select(p => p.ProductImageId));
        return (resend ? inFlight.Concat(fresh) : fresh)
            .Select(p => new ProductImageSubmitted(p.ProductImageId, batch.CorrelationId, p.Product, batch.Manifest!.Bucket,
                batch.Manifest.Key))
            .ToList();
    }

    public static CatalogIngestionCompleted ToCompletedEvent(this CatalogIngestionState batch) =>
        new(batch.CorrelationId, batch.Manifest!, batch.Ingested.Count, batch.FailedImages.Count,
            batch.Errors.OrderBy(e => e.Line).ToList(), batch.Removed, batch.SupersededBy);

    /// <summary>Every product the manifest lists, ingested or not: a row whose new photo failed keeps
    /// what an earlier version indexed for it.</summary>
    public static PruneCatalogManifest ToPruneCommand(this CatalogIngestionState batch) =>
        new(batch.CorrelationId, batch.Manifest!, batch.Products.Select(p => p.Product.ProductId).ToList());

    static void UpdatePercent(this CatalogIngestionState batch)
    {
        var done = batch.Products.Count == 0 ? 100 : 100.0 * (batch.Ingested.Count + batch.FailedImages.Count) / batch.Products.Count;
        batch.Percent = Math.Max(batch.Percent, CatalogBatchStep.Plan.OverallPercent(CatalogBatchStep.IngestProducts, done));
    }
}
