namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// The one seam between the project and ONNX Runtime (<see cref="OrtInferenceEngine"/>, over the
/// Microsoft.ML.OnnxRuntime package), so detectors and embedders never see the package's types.
/// </summary>
public interface IInferenceEngine
{
    /// <summary>Loads a model file into a session that uses <paramref name="intraOpThreads"/> threads per run.</summary>
    /// <exception cref="OnnxRuntimeException">the file is missing or is not a model ORT can load.</exception>
    IInferenceSession OpenSession(string modelPath, int intraOpThreads);
}
