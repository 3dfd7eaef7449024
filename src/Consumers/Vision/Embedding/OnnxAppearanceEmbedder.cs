using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Consumers.Vision.Preprocessing;

namespace ShoppableVideo.Consumers.Vision.Embedding;

/// <summary>
/// Appearance embeddings from an ONNX model described by its manifest: ImageNet ResNet18 (the default: NCHW
/// RGB 224x224 through its own preprocessing model, 512 pooled features) or person re-ID 0288/0287 (NHWC
/// BGR 128x256). Each region is stretched to the model's size straight from the source image into the
/// input tensor, and outputs are L2-normalised so a dot product is a cosine. Regions share one run when
/// the model's batch dimension is dynamic; the shipped exports fix it at 1, so those run once per region.
/// Thread-safe.
/// </summary>
public sealed class OnnxAppearanceEmbedder : IAppearanceEmbedder, IDisposable
{
    readonly IInferenceSession _session;
    readonly ModelManifest _model;
    readonly (IInferenceSession Session, ModelManifest Model)? _preprocess;
    readonly int _batchLimit;

    public OnnxAppearanceEmbedder(IInferenceSession session, ModelManifest model, VisionOptions options,
        (IInferenceSession Session, ModelManifest Model)? preprocess = null)
    {
        (_session, _model, _preprocess) = (session, model, preprocess);
        var entry = preprocess ?? (session, model);
        var input = entry.Session.Inputs.FirstOrDefault(i => i.Name == entry.Model.Input)
                    ?? throw new InvalidDataException($"{entry.Model.Name} declares input '{entry.Model.Input}' but the model has {string.Join(", ", entry.Session.Inputs)}");
        _batchLimit = input.Dimensions[0] < 0 ? Math.Max(1, options.MaxEmbeddingBatch) : (int)input.Dimensions[0];
        Dimensions = session.Outputs[0].Dimensions.Skip(1).Where(d => d > 1).ToArray() is [var width] ? (int)width : model.Dimensions;
    }

    /// <summary>Loads the configured embedder model (and the model that prepares its input, if it names one).</summary>
    public static OnnxAppearanceEmbedder Open(IInferenceEngine engine, ModelCatalog catalog, VisionOptions options)
    {
        var model = catalog.Manifest(options.EmbedderModel);
        var opened = new List<IDisposable>();
        try
        {
            (IInferenceSession, ModelManifest)? preprocess = null;
            if (model.Preprocess is { } name)
            {
                var prepModel = catalog.Manifest(name);
                var prepSession = engine.OpenSession(catalog.ModelFile(prepModel), options.IntraOpThreads);
                opened.Add(prepSession);
                preprocess = (prepSession, prepModel);
            }
            var session = engine.OpenSession(catalog.ModelFile(model), options.IntraOpThreads);
            opened.Add(session);
            return new OnnxAppearanceEmbedder(session, model, options, preprocess);
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            throw;
        }
    }

    public string Model => _model.Name;

    public int Dimensions { get; }

    /// <summary>How many regions go into one run.</summary>
    public int BatchSize => _batchLimit;

    public IReadOnlyList<float[]> Embed(BgrImage image, IReadOnlyList<PixelBox> regions)
    {
        var vectors = new List<float[]>(regions.Count);
        var input = _preprocess?.Model ?? _model;
        var perRegion = input.Width * input.Height * 3;
        for (var start = 0; start < regions.Count; start += _batchLimit)
        {
            var count = Math.Min(_batchLimit, regions.Count - start);
            var batch = new float[count * perRegion];
            for (var i = 0; i < count; i++)
                ImageTensorWriter.StretchInto(image, regions[start + i], input, batch, i);
            var tensor = Shaped(batch, count, input);
            if (_preprocess is var (prepSession, prepModel))
                tensor = Shaped(prepSession.Run(prepModel.Input, tensor)[0].Data, count, _model);
            var output = _session.Run(_model.Input, tensor)[0];
            for (var i = 0; i < count; i++)
                vectors.Add(Normalised(output.Data.AsSpan(i * Dimensions, Dimensions)));
        }
        return vectors;
    }

    public void Dispose()
    {
        _session.Dispose();
        _preprocess?.Session.Dispose();
    }

    static FloatTensor Shaped(float[] data, int count, ModelManifest model) =>
        string.Equals(model.Layout, "NCHW", StringComparison.OrdinalIgnoreCase)
            ? new FloatTensor(data, count, 3, model.Height, model.Width)
            : new FloatTensor(data, count, model.Height, model.Width, 3);

    static float[] Normalised(ReadOnlySpan<float> raw)
    {
        var length = MathF.Sqrt(SumOfSquares(raw));
        var result = raw.ToArray();
        if (length > 0)
            for (var i = 0; i < result.Length; i++)
                result[i] /= length;
        return result;
    }

    static float SumOfSquares(ReadOnlySpan<float> v)
    {
        float sum = 0;
        foreach (var x in v)
            sum += x * x;
        return sum;
    }
}
