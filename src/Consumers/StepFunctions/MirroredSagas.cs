using System.Text.Json.Nodes;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>Which events show each mirrored saga's progress. Success is a step's result event (the saga
/// accepts one per step; the store keeps the first outcome); failure is the saga's own failure event, which
/// also covers the failures no consumer announces (a fault after retries, a step that timed out for good).
/// The saga names are the state machines' names without "StateMachine", as the ASL generator writes them into each task's message;
/// they are spelt out because Consumers does not reference Sagas.</summary>
public static class MirroredSagas
{
    public const string VideoProcessing = "VideoProcessing";
    public const string ProductImage = "ProductImage";

    public static void Register(MirrorSignalRegistry signals)
    {
        signals.Starts<VideoObjectCreated>(VideoProcessing, m => m.VideoId, m => Input(VideoProcessing, m.VideoId, m.Video));
        signals.Succeeds<VideoProbed>(VideoProcessing, VideoStepNames.Probe, m => m.VideoId);
        signals.Succeeds<FramesExtracted>(VideoProcessing, VideoStepNames.ExtractFrames, m => m.VideoId);
        signals.Succeeds<SegmentsDetected>(VideoProcessing, VideoStepNames.DetectSegments, m => m.VideoId);
        signals.Succeeds<FramesAnalyzed>(VideoProcessing, VideoStepNames.AnalyzeFrames, m => m.VideoId);
        signals.Succeeds<MetadataPublished>(VideoProcessing, VideoStepNames.PublishMetadata, m => m.VideoId);
        signals.Fails<VideoProcessingFailed>(VideoProcessing, m => m.VideoId, m => m.Step, m => m.Reason);

        signals.Starts<ProductImageSubmitted>(ProductImage, m => m.ProductImageId, m => new JsonObject
        {
            ["sagaId"] = m.ProductImageId.ToString("D"),
            ["saga"] = ProductImage,
            ["batchId"] = m.BatchId.ToString("D"),
            ["productId"] = m.Product.ProductId,
        });
        signals.Succeeds<ProductImageDecoded>(ProductImage, ProductImageStepNames.Decode, m => m.ProductImageId);
        signals.Succeeds<ProductItemsDetected>(ProductImage, ProductImageStepNames.Detect, m => m.ProductImageId);
        signals.Succeeds<ProductItemsEmbedded>(ProductImage, ProductImageStepNames.Embed, m => m.ProductImageId);
        signals.Succeeds<ProductIndexed>(ProductImage, ProductImageStepNames.Index, m => m.ProductImageId);
        signals.Fails<ProductImageFailed>(ProductImage, m => m.ProductImageId, m => m.Step, m => m.Reason);
    }

    // Deterministic, so a repeated start of a running execution is accepted as the same start.
    static JsonObject Input(string saga, Guid sagaId, StoredObject source) => new()
    {
        ["sagaId"] = sagaId.ToString("D"),
        ["saga"] = saga,
        ["bucket"] = source.Bucket,
        ["key"] = source.Key,
    };
}
