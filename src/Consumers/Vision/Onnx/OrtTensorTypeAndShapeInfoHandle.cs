namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtTensorTypeAndShapeInfo</c>, released with <c>ReleaseTensorTypeAndShapeInfo</c>.</summary>
internal sealed class OrtTensorTypeAndShapeInfoHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseTensorTypeAndShapeInfo;
}
