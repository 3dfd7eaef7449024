using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>One product photo on its way into the product index.</summary>
public class ProductImageState : IStepSaga, ISagaVersion
{
    public Guid CorrelationId { get; set; }
    public int Version { get; set; }
    public string CurrentState { get; set; } = "";

    public Guid BatchId { get; set; }
    public string Bucket { get; set; } = "";
    public string Source { get; set; } = "";
    public CatalogProduct? Product { get; set; }
    public string? ImageContentHash { get; set; }
    public bool AlreadyIndexed { get; set; }
    public string? Analysis { get; set; }
    public DetectedItem? Item { get; set; }
    public EmbeddedItem? Embedded { get; set; }

    public string? CurrentStep { get; set; }
    public double Percent { get; set; }
    public List<StepTiming> Timings { get; set; } = [];
    public Guid? StepTimeoutTokenId { get; set; }
    public string? FailedStep { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}
