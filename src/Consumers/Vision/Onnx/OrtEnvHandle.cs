namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An <c>OrtEnv</c>, released with <c>ReleaseEnv</c>.</summary>
internal sealed class OrtEnvHandle : OrtHandle
{
    protected override int ReleaseSlot => OrtApiSlot.ReleaseEnv;
}
