using ShoppableVideo.Sagas.Steps;
using static ShoppableVideo.Messages.VideoStepNames;

namespace ShoppableVideo.Sagas.Video;

/// <summary>The VideoProcessing steps in order, with their share of a run (names: <see cref="Messages.VideoStepNames"/>).</summary>
public static class VideoStep
{
    // The decode pass dominates; analysis grows once models are configured.
    public static StepPlan Plan { get; } = new(
        (Probe, 2), (ExtractFrames, 70), (DetectSegments, 5), (AnalyzeFrames, 20), (PublishMetadata, 3));
}
