namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>One loaded model. Create once and share: <see cref="Run"/> is safe from many threads at once.</summary>
public interface IInferenceSession : IDisposable
{
    IReadOnlyList<TensorInfo> Inputs { get; }

    IReadOnlyList<TensorInfo> Outputs { get; }

    /// <summary>Runs the model on one input; returns every output, in the order of <see cref="Outputs"/>.</summary>
    /// <exception cref="OnnxRuntimeException">ORT refused the input or failed while running.</exception>
    IReadOnlyList<FloatTensor> Run(string inputName, FloatTensor input);
}
