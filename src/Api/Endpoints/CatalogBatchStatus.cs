using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Catalog;

namespace ShoppableVideo.Api.Endpoints;

public record CatalogBatchStatus(
    Guid Id,
    StoredObject? Manifest,
    SagaStatus Status,
    int Products,
    int Ingested,
    int Failed,
    IReadOnlyList<ManifestRowError> Errors,
    IReadOnlyList<string> Removed,
    Guid? SupersededBy)
{
    public static CatalogBatchStatus Of(CatalogIngestionState saga) => new(
        saga.CorrelationId, saga.Manifest, SagaStatus.Of(saga, saga.CurrentState), saga.Products.Count,
        saga.Ingested.Count, saga.FailedImages.Count, saga.Errors.OrderBy(e => e.Line).ToList(), saga.Removed,
        saga.SupersededBy);
}
