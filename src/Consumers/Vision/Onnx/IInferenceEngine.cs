namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// The one seam between the project and ONNX Runtime. Today it is a P/Invoke layer over the C API
/// (<see cref="OrtInferenceEngine"/>); moving to Microsoft.ML.OnnxRuntime replaces that one class.
/// </summary>
public interface IInferenceEngine
{
    /// <summary>Loads a model file into a session that uses <paramref name="intraOpThreads"/> threads per run.</summary>
    /// <exception cref="OnnxRuntimeException">the file is missing or is not a model ORT can load.</exception>
    IInferenceSession OpenSession(string modelPath, int intraOpThreads);
}
