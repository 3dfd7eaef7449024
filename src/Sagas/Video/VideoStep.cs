using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Sagas.Video;

/// <summary>The steps of the VideoProcessing saga; the names are what status and failures report.</summary>
public static class VideoStep
{
    public const string Probe = "Probe";
    public const string ExtractFrames = "ExtractFrames";
    public const string DetectSegments = "DetectSegments";
    public const string AnalyzeFrames = "AnalyzeFrames";
    public const string PublishMetadata = "PublishMetadata";

    // The decode pass dominates; analysis grows once models are configured.
    public static StepPlan Plan { get; } = new(
        (Probe, 2), (ExtractFrames, 70), (DetectSegments, 5), (AnalyzeFrames, 20), (PublishMetadata, 3));
}
