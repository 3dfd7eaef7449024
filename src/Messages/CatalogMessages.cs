namespace ShoppableVideo.Messages;

/// <summary>A manifest row: one product and the key of its photo in the catalog bucket. Url, Rating and
/// Availability are optional columns the shop connector shows as they are.</summary>
public record CatalogProduct(
    int Line,
    string ProductId,
    string Name,
    decimal? Price,
    string Category,
    string ImageKey,
    string? Url,
    double? Rating = null,
    string? Availability = null,
    string? Currency = null);

/// <summary>A manifest row that cannot be ingested, with the line it is on.</summary>
public record ManifestRowError(int Line, string Reason);

public record ParseCatalogManifest(Guid BatchId, StoredObject Manifest);

/// <summary>A product to ingest; ProductImageId is derived from the batch and the row, so re-parsing
/// the same manifest names the same per-image sagas. After: an earlier row naming the same photo as the
/// same kind of item; this row waits for it, then takes its description instead of computing it again.</summary>
public record ParsedProduct(Guid ProductImageId, CatalogProduct Product, Guid? After = null);

public record CatalogManifestParsed(Guid BatchId, IReadOnlyList<ParsedProduct> Products, IReadOnlyList<ManifestRowError> Errors);

public record CatalogManifestRejected(Guid BatchId, string Reason);

/// <summary>Starts the per-image saga. ProductImageId is derived from the batch and the product. Source is
/// the manifest's key: the index remembers it so a newer version of that manifest can drop the product.</summary>
public record ProductImageSubmitted(Guid ProductImageId, Guid BatchId, CatalogProduct Product, string Bucket, string Source);

public record DecodeProductImage(Guid ProductImageId, string Bucket, CatalogProduct Product);

/// <summary>AlreadyIndexed: the index holds this very photo (same content hash) for the product, so
/// detecting and embedding it again would only reproduce the same vectors. DescribedBefore: another product
/// was indexed from the same photo as the same kind of item; its descriptor is this one's too.</summary>
public record ProductImageDecoded(Guid ProductImageId, int Width, int Height, string ContentHash, bool AlreadyIndexed,
    EmbeddedItem? DescribedBefore = null);

public record DetectProductItems(Guid ProductImageId, string Bucket, CatalogProduct Product);

/// <summary>The region of a product photo that shows the product. Kind is the matching ItemKind's name
/// (Upper, Lower, Full, Bag); Score is the detector's confidence, 0 when the whole photo stands in.</summary>
public record DetectedItem(string Kind, NormalizedBox Box, double Score, NormalizedBox Subject);

/// <summary>How the product shows in its photo; Item is null when no detector is configured.</summary>
public record ProductItemsDetected(Guid ProductImageId, string Analysis, DetectedItem? Item);

public record EmbedProductItems(Guid ProductImageId, string Bucket, CatalogProduct Product, DetectedItem? Item);

/// <summary>One look at the item: the appearance embedding and the colour histogram of one box of the photo,
/// both L2-normalised.</summary>
public record EmbeddedView(float[] Appearance, float[] Colour);

/// <summary>The item's descriptor: several views of it (its region, the person wearing it, the whole photo,
/// the centre), so a video region is compared with whichever view frames the item as the video does.</summary>
public record EmbeddedItem(string Kind, IReadOnlyList<EmbeddedView> Views);

/// <summary>Item is null when there was nothing to embed (no detector or embedder configured).</summary>
public record ProductItemsEmbedded(Guid ProductImageId, EmbeddedItem? Item);

/// <summary>Item is the new descriptor to index; null with ImageUnchanged means the indexed vectors stay
/// and only the product's details and source are refreshed.</summary>
public record IndexProduct(Guid ProductImageId, CatalogProduct Product, string Source, string ImageContentHash,
    EmbeddedItem? Item, bool ImageUnchanged);

public record ProductIndexed(Guid ProductImageId);

public record ProductImageStepFailed(Guid ProductImageId, string Step, string Reason);

public record ProductImageStepTimedOut(Guid ProductImageId);

public record ProductImageIngested(Guid ProductImageId, Guid BatchId, string ProductId);

public record ProductImageFailed(Guid ProductImageId, Guid BatchId, string ProductId, int Line, string Step, string Reason);

/// <summary>After every row reported: releases the products an earlier version of this manifest listed
/// and this one no longer does, when the bucket still holds this version. Idempotent: a second run finds
/// nothing left to release.</summary>
public record PruneCatalogManifest(Guid BatchId, StoredObject Manifest, IReadOnlyList<string> ListedProductIds);

/// <summary>SupersededBy: the bucket held another version of the manifest by then, so nothing was removed and
/// this batch of the current version applies it again.</summary>
public record CatalogManifestPruned(Guid BatchId, IReadOnlyList<string> Removed, Guid? SupersededBy);

public record CatalogIngestionCompleted(Guid BatchId, StoredObject Manifest, int Ingested, int Failed,
    IReadOnlyList<ManifestRowError> Errors, IReadOnlyList<string> Removed, Guid? SupersededBy);

public record CatalogIngestionFailed(Guid BatchId, StoredObject Manifest, string Reason);

/// <summary>Sent at start-up for every unfinished catalog saga (batch or product image).</summary>
public record ResumeCatalogIngestion(Guid CorrelationId);

public record CatalogBatchStepTimedOut(Guid BatchId);
