using ShoppableVideo.Consumers.Vision.Onnx;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>Reads a detector's raw outputs into scored boxes in model-input pixels, before NMS.</summary>
public interface IDetectionDecoder
{
    /// <param name="outputs">The session's outputs, in the order its <see cref="IInferenceSession.Outputs"/> lists them.</param>
    IReadOnlyList<Detection> Decode(IReadOnlyList<FloatTensor> outputs, float scoreThreshold);
}
