namespace ShoppableVideo.Consumers.Segments;

/// <summary>Frames [StartFrame, EndFrame], inclusive, filmed without a cut.</summary>
public readonly record struct Shot(long StartFrame, long EndFrame)
{
    public long FrameCount => EndFrame - StartFrame + 1;
}
