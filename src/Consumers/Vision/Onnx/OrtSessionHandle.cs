namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtSession</c>, released with <c>ReleaseSession</c>.</summary>
internal sealed class OrtSessionHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseSession;
}
