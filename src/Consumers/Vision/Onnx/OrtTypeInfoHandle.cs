namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtTypeInfo</c>, released with <c>ReleaseTypeInfo</c>.</summary>
internal sealed class OrtTypeInfoHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseTypeInfo;
}
