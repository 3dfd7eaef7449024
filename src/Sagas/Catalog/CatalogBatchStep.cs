using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

public static class CatalogBatchStep
{
    public const string ParseManifest = "ParseManifest";
    public const string IngestProducts = "IngestProducts";
    public const string PruneRemoved = "PruneRemoved";

    public static StepPlan Plan { get; } = new((ParseManifest, 5), (IngestProducts, 93), (PruneRemoved, 2));
}
