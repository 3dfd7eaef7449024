using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>Per manifest: ParseManifest → IngestProducts (one ProductImage saga per row) → PruneRemoved
/// (products an earlier version listed and this one does not leave the index) → Completed, or Failed
/// when the manifest itself cannot be read. Bad rows do not fail the batch: they are reported
/// with their line numbers and the rest is ingested.</summary>
public class CatalogIngestionStateMachine : StepMachine<CatalogIngestionState, CatalogBatchStepTimedOut>
{
    public CatalogIngestionStateMachine(StepPolicy policy) : base(CatalogBatchStep.Plan, policy)
    {
        InstanceState(x => x.CurrentState);

        Event(() => ManifestCreated, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => Parsed, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => Rejected, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => ParseFaulted, x => x.CorrelateById(m => m.Message.Message.BatchId));
        Event(() => ProductIngested, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => ProductFailed, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => Pruned, x => x.CorrelateById(m => m.Message.BatchId));
        Event(() => PruneFaulted, x => x.CorrelateById(m => m.Message.Message.BatchId));
        Event(() => Resume, x => x.CorrelateById(m => m.Message.CorrelationId));

        Schedule(() => StepTimeout, x => x.StepTimeoutTokenId, s =>
        {
            s.Delay = policy.StepTimeout;
            s.Received = r => r.CorrelateById(m => m.Message.BatchId);
        });

        OnUnhandledEvent(x => x.Ignore());

        Initially(
            When(ManifestCreated)
                .Then(x => (x.Saga.Manifest, x.Saga.CreatedAt) = (x.Message.Manifest, DateTimeOffset.UtcNow))
                .BeginStep(CatalogBatchStep.ParseManifest, this)
                .TransitionTo(Parsing));

        During(Parsing, [
            When(Parsed)
                .Unschedule(StepTimeout)
                .Then(x => (x.Saga.Products, x.Saga.Errors) = ([.. x.Message.Products], [.. x.Message.Errors]))
                .Then(x => x.Saga.BeginStep(CatalogBatchStep.IngestProducts, Plan, DateTimeOffset.UtcNow))
                .SubmitNextProducts()
                .TransitionTo(Ingesting)
                .PruneWhenAllReported(this),
            When(Rejected).FailStep(x => x.Message.Reason, this).TransitionTo(Failed),
            When(ParseFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            .. RetryOrFailOnTimeout(Failed, Resume)]);

        During(Ingesting,
            When(ProductIngested)
                .Then(x => x.Saga.RecordIngested(x.Message.ProductImageId))
                .SubmitNextProducts()
                .PruneWhenAllReported(this),
            When(ProductFailed)
                .Then(x => x.Saga.RecordFailed(x.Message))
                .SubmitNextProducts()
                .PruneWhenAllReported(this),
            // Submissions lost with a killed process are sent again; sagas that exist ignore them.
            When(Resume).SubmitNextProducts(resend: true));

        During(Pruning, [
            When(Pruned)
                .Then(x => (x.Saga.Removed, x.Saga.SupersededBy) = ([.. x.Message.Removed], x.Message.SupersededBy))
                .SucceedAll(this)
                .Publish(x => x.Saga.ToCompletedEvent())
                .TransitionTo(Completed),
            When(PruneFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            .. RetryOrFailOnTimeout(Failed, Resume)]);

        // As the video saga does: a process that died after saving Completed and before sending the event
        // leaves the prune result to be redelivered; the batch announces its completion again.
        During(Completed,
            When(Pruned).Publish(x => x.Saga.ToCompletedEvent()));
    }

    public State Parsing { get; private set; } = null!;
    public State Ingesting { get; private set; } = null!;
    public State Pruning { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<CatalogManifestCreated> ManifestCreated { get; private set; } = null!;
    public Event<CatalogManifestParsed> Parsed { get; private set; } = null!;
    public Event<CatalogManifestRejected> Rejected { get; private set; } = null!;
    public Event<Fault<ParseCatalogManifest>> ParseFaulted { get; private set; } = null!;
    public Event<ProductImageIngested> ProductIngested { get; private set; } = null!;
    public Event<ProductImageFailed> ProductFailed { get; private set; } = null!;
    public Event<CatalogManifestPruned> Pruned { get; private set; } = null!;
    public Event<Fault<PruneCatalogManifest>> PruneFaulted { get; private set; } = null!;
    public Event<ResumeCatalogIngestion> Resume { get; private set; } = null!;

    public static IReadOnlyList<string> FinalStates { get; } = [nameof(Completed), nameof(Failed)];

    public override object FailureEventFor(CatalogIngestionState saga) =>
        new CatalogIngestionFailed(saga.CorrelationId, saga.Manifest!, saga.FailureReason ?? "");

    public override object CommandFor(CatalogIngestionState saga) => saga.CurrentStep switch
    {
        CatalogBatchStep.PruneRemoved => saga.ToPruneCommand(),
        _ => new ParseCatalogManifest(saga.CorrelationId, saga.Manifest!),
    };

    public override CatalogBatchStepTimedOut TimedOut(Guid correlationId) => new(correlationId);
}
