namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtMemoryInfo</c>, released with <c>ReleaseMemoryInfo</c>.</summary>
internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseMemoryInfo;
}
