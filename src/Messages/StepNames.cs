namespace ShoppableVideo.Messages;

/// <summary>The Step a VideoStepFailed or VideoStepProgressed names. The saga only accepts a failure for
/// the step it is in, so consumers and saga must spell these the same: they live with the contracts.</summary>
public static class VideoStepNames
{
    public const string Probe = "Probe";
    public const string ExtractFrames = "ExtractFrames";
    public const string DetectSegments = "DetectSegments";
    public const string AnalyzeFrames = "AnalyzeFrames";
    public const string PublishMetadata = "PublishMetadata";
}

/// <summary>The Step a ProductImageStepFailed names.</summary>
public static class ProductImageStepNames
{
    public const string Decode = "Decode";
    public const string Detect = "Detect";
    public const string Embed = "Embed";
    public const string Index = "Index";
}
