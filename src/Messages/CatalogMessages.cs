namespace ShoppableVideo.Messages;

/// <summary>A manifest row: one product and the key of its photo in the catalog bucket.</summary>
public record CatalogProduct(
    int Line,
    string ProductId,
    string Name,
    decimal? Price,
    string Category,
    string ImageKey,
    string? Url);

/// <summary>A manifest row that cannot be ingested, with the line it is on.</summary>
public record ManifestRowError(int Line, string Reason);

public record ParseCatalogManifest(Guid BatchId, StoredObject Manifest);

/// <summary>A product to ingest; ProductImageId is derived from the batch and the row, so re-parsing
/// the same manifest names the same per-image sagas.</summary>
public record ParsedProduct(Guid ProductImageId, CatalogProduct Product);

public record CatalogManifestParsed(Guid BatchId, IReadOnlyList<ParsedProduct> Products, IReadOnlyList<ManifestRowError> Errors);

public record CatalogManifestRejected(Guid BatchId, string Reason);

/// <summary>Starts the per-image saga. ProductImageId is derived from the batch and the product.</summary>
public record ProductImageSubmitted(Guid ProductImageId, Guid BatchId, CatalogProduct Product, string Bucket);

public record DecodeProductImage(Guid ProductImageId, string Bucket, CatalogProduct Product);

public record ProductImageDecoded(Guid ProductImageId, int Width, int Height, string ContentHash);

public record DetectProductItems(Guid ProductImageId, string Bucket, CatalogProduct Product);

/// <summary>Regions found in the photo; with no detector configured there are none.</summary>
public record ProductItemsDetected(Guid ProductImageId, string Analysis, IReadOnlyList<NormalizedBox> Regions);

public record EmbedProductItems(Guid ProductImageId, string Bucket, CatalogProduct Product, IReadOnlyList<NormalizedBox> Regions);

public record ProductItemsEmbedded(Guid ProductImageId, int Embeddings);

public record IndexProduct(Guid ProductImageId, CatalogProduct Product, string ImageContentHash, int Embeddings);

public record ProductIndexed(Guid ProductImageId);

public record ProductImageStepFailed(Guid ProductImageId, string Step, string Reason);

public record ProductImageStepTimedOut(Guid ProductImageId);

public record ProductImageIngested(Guid ProductImageId, Guid BatchId, string ProductId);

public record ProductImageFailed(Guid ProductImageId, Guid BatchId, string ProductId, int Line, string Step, string Reason);

public record CatalogIngestionCompleted(Guid BatchId, StoredObject Manifest, int Ingested, int Failed, IReadOnlyList<ManifestRowError> Errors);

public record CatalogIngestionFailed(Guid BatchId, StoredObject Manifest, string Reason);

/// <summary>Sent at start-up for every unfinished catalog saga (batch or product image).</summary>
public record ResumeCatalogIngestion(Guid CorrelationId);

public record CatalogBatchStepTimedOut(Guid BatchId);
