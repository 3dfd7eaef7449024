using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>One catalog manifest: parsed once, then one ProductImage saga per row, counted back in.</summary>
public class CatalogIngestionState : IStepSaga, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public StoredObject? Manifest { get; set; }
    public List<ParsedProduct> Products { get; set; } = [];
    public List<ManifestRowError> Errors { get; set; } = [];
    public List<Guid> Ingested { get; set; } = [];
    public List<Guid> FailedImages { get; set; } = [];
    /// <summary>Product images submitted so far; at most a window of them is unreported at any time.</summary>
    public List<Guid> Submitted { get; set; } = [];
    /// <summary>Products an earlier version of this manifest listed and this one dropped.</summary>
    public List<string> Removed { get; set; } = [];
    /// <summary>The batch of the manifest's newer version that took over, when this one finished stale.</summary>
    public Guid? SupersededBy { get; set; }

    public string? CurrentStep { get; set; }
    public double Percent { get; set; }
    public List<StepTiming> Timings { get; set; } = [];
    public Guid? StepTimeoutTokenId { get; set; }
    public string? FailedStep { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
