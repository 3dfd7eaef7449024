namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtValue</c>, released with <c>ReleaseValue</c>.</summary>
internal sealed class OrtValueHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseValue;
}
