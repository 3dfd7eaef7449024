namespace ShoppableVideo.Consumers.Media;

/// <summary>The Step names the media consumers put in VideoStepFailed and VideoStepProgressed.</summary>
public static class VideoStepNames
{
    public const string Probe = "Probe";
    public const string ExtractFrames = "ExtractFrames";
    public const string DetectSegments = "DetectSegments";
}
