using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Consumers.Vision.Preprocessing;

namespace ShoppableVideo.Consumers.Vision.Detection;

/// <summary>
/// A COCO detector from the manifests (YOLOX or NanoDet): letterbox the image, run the shared session,
/// decode, class-aware NMS, and map boxes back to the image's own pixels. Thread-safe.
/// </summary>
public sealed class OnnxObjectDetector : IObjectDetector, IDisposable
{
    readonly IInferenceSession _session;
    readonly ModelManifest _model;
    readonly IDetectionDecoder _decoder;
    readonly VisionOptions _options;

    public OnnxObjectDetector(IInferenceSession session, ModelManifest model, VisionOptions options)
    {
        (_session, _model, _options) = (session, model, options);
        if (!session.Inputs.Any(i => i.Name == model.Input))
            throw new InvalidDataException($"{model.Name} declares input '{model.Input}' but the model has {string.Join(", ", session.Inputs)}");
        _decoder = model.Decoder switch
        {
            "yolox" => new YoloxDecoder(model.Width, model.Height, model.Strides, model.Labels),
            "nanodet" => new NanoDetDecoder(model.Width, model.Height, model.Strides, model.RegMax, model.Labels),
            _ => throw new NotSupportedException($"{model.Name} uses decoder '{model.Decoder}', which is not a detector"),
        };
    }

    /// <summary>Loads the configured detector model into a session of its own.</summary>
    public static OnnxObjectDetector Open(IInferenceEngine engine, ModelCatalog catalog, VisionOptions options)
    {
        var model = catalog.Manifest(options.DetectorModel);
        var session = engine.OpenSession(catalog.ModelFile(model), options.IntraOpThreads);
        try
        {
            return new OnnxObjectDetector(session, model, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public string Model => _model.Name;

    public IReadOnlyList<Detection> Detect(BgrImage image)
    {
        var (tensor, geometry) = ImageTensorWriter.Letterbox(image, _model);
        var outputs = _session.Run(_model.Input, tensor);
        var candidates = _decoder.Decode(outputs, _options.ScoreThreshold);
        return NonMaximumSuppression.Apply(candidates, _options.NmsIouThreshold, _options.MaxDetections)
            .Select(d => d with { Box = geometry.ToImage(d.Box, image.Width, image.Height) })
            .Where(d => d.Box.Area > 0)
            .ToArray();
    }

    public void Dispose() => _session.Dispose();
}
