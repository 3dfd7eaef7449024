namespace ShoppableVideo.Sagas.Artifacts;

/// <summary>The kinds stored in the index; plain strings so the DynamoDB sort key reads the same.</summary>
public static class ArtifactKinds
{
    public const string Frame = "frame";
    public const string Segment = "segment";
    public const string Metadata = "metadata";
    public const string FrameSignals = "frame-signals";
}
