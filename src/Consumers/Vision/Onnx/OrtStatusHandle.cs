namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtStatus</c>, released with <c>ReleaseStatus</c>.</summary>
internal sealed class OrtStatusHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseStatus;
}
