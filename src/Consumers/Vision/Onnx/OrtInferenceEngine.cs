using Microsoft.ML.OnnxRuntime;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>ONNX Runtime through its NuGet package (Microsoft.ML.OnnxRuntime): CPU sessions over the
/// package's process-wide environment, which logs errors only, as ORT's warnings are about the models'
/// exports and not actionable here.</summary>
public sealed class OrtInferenceEngine : IInferenceEngine
{
    public OrtInferenceEngine() => OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;

    public IInferenceSession OpenSession(string modelPath, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            // Sequential execution on one inter-op thread: the caller bounds how many runs go at once.
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        try
        {
            return new OrtInferenceSession(new InferenceSession(modelPath, options), options);
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            options.Dispose();
            throw OnnxRuntimeException.From(e);
        }
        catch
        {
            options.Dispose();
            throw;
        }
    }
}
