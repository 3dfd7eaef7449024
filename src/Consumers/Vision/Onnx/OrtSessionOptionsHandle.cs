namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtSessionOptions</c>, released with <c>ReleaseSessionOptions</c>.</summary>
internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseSessionOptions;
}
