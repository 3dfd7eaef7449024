namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>A non-null <c>OrtStatus</c> from ONNX Runtime: its error code and message, verbatim.</summary>
public sealed class OnnxRuntimeException(OrtErrorCode code, string message)
    : Exception($"ONNX Runtime {code}: {message}")
{
    public OrtErrorCode Code { get; } = code;

    /// <summary>ORT's own message, without the code prefix.</summary>
    public string RuntimeMessage { get; } = message;
}
