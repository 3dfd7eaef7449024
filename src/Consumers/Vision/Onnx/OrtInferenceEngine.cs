namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>ONNX Runtime through its C API: one <c>OrtEnv</c> for the process, CPU sessions over it.</summary>
public sealed class OrtInferenceEngine : IInferenceEngine, IDisposable
{
    readonly OrtApi _api = OrtApi.Instance;
    readonly OrtEnvHandle _env;

    public OrtInferenceEngine() => _env = _api.CreateEnv("shoppablevideo");

    /// <summary>The loaded library's version, for example "1.30.0".</summary>
    public string RuntimeVersion => _api.Version;

    public IInferenceSession OpenSession(string modelPath, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        using var options = _api.CreateSessionOptions(intraOpThreads);
        return new OrtInferenceSession(_api, _api.CreateSession(_env, modelPath, options));
    }

    public void Dispose() => _env.Dispose();
}
