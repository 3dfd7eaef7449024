namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>, in the C header's order.</summary>
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
    ModelLoadCanceled,
}
