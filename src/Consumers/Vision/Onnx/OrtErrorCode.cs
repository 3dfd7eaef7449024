namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>, in the C header's order (the numbers cross the ABI).</summary>
public enum OrtErrorCode
{
    Ok,
    Fail,
    InvalidArgument,
    NoSuchFile,
    NoModel,
    EngineError,
    RuntimeException,
    InvalidProtobuf,
    ModelLoaded,
    NotImplemented,
    InvalidGraph,
    ExecutionProviderFail,
}
