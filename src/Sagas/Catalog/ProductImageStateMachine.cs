using MassTransit;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Catalog;

/// <summary>Per product image: Decode → Detect → Embed → Index → Completed | Failed. A photo the index
/// already holds (same content hash) skips Detect and Embed: Index only refreshes the product's details,
/// or, when another product was described from the photo, indexes that description for this one too.
/// Reports its outcome to the manifest's batch saga, and reports it again when the batch submits the
/// image once more.</summary>
public class ProductImageStateMachine : StepMachine<ProductImageState, ProductImageStepTimedOut>
{
    public ProductImageStateMachine(StepPolicy policy) : base(ProductImageStep.Plan, policy)
    {
        InstanceState(x => x.CurrentState);

        Event(() => Submitted, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => Decoded, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => Detected, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => Embedded, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => Indexed, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => StepFailed, x => x.CorrelateById(m => m.Message.ProductImageId));
        Event(() => Resume, x => x.CorrelateById(m => m.Message.CorrelationId));
        Event(() => DecodeFaulted, x => x.CorrelateById(m => m.Message.Message.ProductImageId));
        Event(() => DetectFaulted, x => x.CorrelateById(m => m.Message.Message.ProductImageId));
        Event(() => EmbedFaulted, x => x.CorrelateById(m => m.Message.Message.ProductImageId));
        Event(() => IndexFaulted, x => x.CorrelateById(m => m.Message.Message.ProductImageId));

        Schedule(() => StepTimeout, x => x.StepTimeoutTokenId, s =>
        {
            s.Delay = policy.StepTimeout;
            s.Received = r => r.CorrelateById(m => m.Message.ProductImageId);
        });

        OnUnhandledEvent(x => x.Ignore());

        Initially(
            When(Submitted)
                .Then(x =>
                {
                    (x.Saga.BatchId, x.Saga.Bucket, x.Saga.Product) = (x.Message.BatchId, x.Message.Bucket, x.Message.Product);
                    x.Saga.Source = x.Message.Source;
                    x.Saga.CreatedAt = DateTimeOffset.UtcNow;
                })
                .BeginStep(ProductImageStepNames.Decode, this)
                .TransitionTo(Decoding));

        During(Decoding,
            When(Decoded, x => !x.Message.AlreadyIndexed && x.Message.DescribedBefore is null)
                .Then(x => x.Saga.ImageContentHash = x.Message.ContentHash)
                .BeginStep(ProductImageStepNames.Detect, this)
                .TransitionTo(Detecting),
            When(Decoded, x => x.Message.AlreadyIndexed || x.Message.DescribedBefore is not null)
                .Then(x => (x.Saga.ImageContentHash, x.Saga.AlreadyIndexed, x.Saga.Embedded) =
                    (x.Message.ContentHash, x.Message.AlreadyIndexed, x.Message.DescribedBefore))
                .BeginStep(ProductImageStepNames.Index, this)
                .TransitionTo(Indexing));

        During(Detecting,
            When(Detected)
                .Then(x => (x.Saga.Analysis, x.Saga.Item) = (x.Message.Analysis, x.Message.Item))
                .BeginStep(ProductImageStepNames.Embed, this)
                .TransitionTo(Embedding));

        During(Embedding,
            When(Embedded)
                .Then(x => x.Saga.Embedded = x.Message.Item)
                .BeginStep(ProductImageStepNames.Index, this)
                .TransitionTo(Indexing));

        During(Indexing,
            When(Indexed)
                .SucceedAll(this)
                .Publish(x => IngestedReport(x.Saga))
                .TransitionTo(Completed));

        During([Decoding, Detecting, Embedding, Indexing], [
            When(StepFailed, x => x.Message.Step == x.Saga.CurrentStep)
                .FailStep(x => x.Message.Reason, this).TransitionTo(Failed),
            When(DecodeFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(DetectFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(EmbedFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            When(IndexFaulted).FailStep(x => FaultReason(x.Message), this).TransitionTo(Failed),
            .. RetryOrFailOnTimeout(Failed, Resume)]);

        // A batch whose process died after this image finished, but before the batch counted its report,
        // submits the image again when it resumes: a finished image answers with the outcome it already
        // has, or the batch would wait for it forever, one in-flight slot short.
        During(Completed,
            When(Submitted).Publish(x => IngestedReport(x.Saga)));
        During(Failed,
            When(Submitted)
                .ThenAsync(x => x.Publish(FailureEventFor(x.Saga), x.CancellationToken)));
    }

    public State Decoding { get; private set; } = null!;
    public State Detecting { get; private set; } = null!;
    public State Embedding { get; private set; } = null!;
    public State Indexing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<ProductImageSubmitted> Submitted { get; private set; } = null!;
    public Event<ProductImageDecoded> Decoded { get; private set; } = null!;
    public Event<ProductItemsDetected> Detected { get; private set; } = null!;
    public Event<ProductItemsEmbedded> Embedded { get; private set; } = null!;
    public Event<ProductIndexed> Indexed { get; private set; } = null!;
    public Event<ProductImageStepFailed> StepFailed { get; private set; } = null!;
    public Event<ResumeCatalogIngestion> Resume { get; private set; } = null!;
    public Event<Fault<DecodeProductImage>> DecodeFaulted { get; private set; } = null!;
    public Event<Fault<DetectProductItems>> DetectFaulted { get; private set; } = null!;
    public Event<Fault<EmbedProductItems>> EmbedFaulted { get; private set; } = null!;
    public Event<Fault<IndexProduct>> IndexFaulted { get; private set; } = null!;

    public static IReadOnlyList<string> FinalStates { get; } = [nameof(Completed), nameof(Failed)];

    public override object FailureEventFor(ProductImageState saga) =>
        new ProductImageFailed(
            saga.CorrelationId, saga.BatchId, saga.Product?.ProductId ?? "", saga.Product?.Line ?? 0,
            saga.FailedStep ?? "", saga.FailureReason ?? "");

    static ProductImageIngested IngestedReport(ProductImageState saga) =>
        new(saga.CorrelationId, saga.BatchId, saga.Product!.ProductId);

    public override object CommandFor(ProductImageState saga) => ProductImageStepCommands.For(saga);

    public override ProductImageStepTimedOut TimedOut(Guid correlationId) => new(correlationId);
}
