using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Consumers.Vision.Preprocessing;

namespace ShoppableVideo.Consumers.Vision.Embedding;

/// <summary>
/// Person re-identification embeddings (Open Model Zoo 0288 or 0287): each region is stretched to the
/// model's 128x256 straight from the source image into the input tensor, and outputs are L2-normalised
/// so a dot product is a cosine. Regions share one run when the model's batch dimension is dynamic;
/// the shipped re-ID exports fix it at 1, so those run once per region. Thread-safe.
/// </summary>
public sealed class OnnxAppearanceEmbedder : IAppearanceEmbedder, IDisposable
{
    readonly IInferenceSession _session;
    readonly ModelManifest _model;
    readonly int _batchLimit;

    public OnnxAppearanceEmbedder(IInferenceSession session, ModelManifest model, VisionOptions options)
    {
        (_session, _model) = (session, model);
        var input = session.Inputs.FirstOrDefault(i => i.Name == model.Input)
                    ?? throw new InvalidDataException($"{model.Name} declares input '{model.Input}' but the model has {string.Join(", ", session.Inputs)}");
        _batchLimit = input.Dimensions[0] < 0 ? Math.Max(1, options.MaxEmbeddingBatch) : (int)input.Dimensions[0];
        Dimensions = session.Outputs[0].Dimensions[^1] is > 0 and var width ? (int)width : model.Dimensions;
    }

    /// <summary>Loads the configured embedder model into a session of its own.</summary>
    public static OnnxAppearanceEmbedder Open(IInferenceEngine engine, ModelCatalog catalog, VisionOptions options)
    {
        var model = catalog.Manifest(options.EmbedderModel);
        var session = engine.OpenSession(catalog.ModelFile(model), options.IntraOpThreads);
        try
        {
            return new OnnxAppearanceEmbedder(session, model, options);
        }
        catch
        {
            session.Dispose();
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
        var perRegion = _model.Width * _model.Height * 3;
        for (var start = 0; start < regions.Count; start += _batchLimit)
        {
            var count = Math.Min(_batchLimit, regions.Count - start);
            var batch = new float[count * perRegion];
            for (var i = 0; i < count; i++)
                ImageTensorWriter.StretchInto(image, regions[start + i], _model, batch, i);
            var output = _session.Run(_model.Input, new FloatTensor(batch, count, _model.Height, _model.Width, 3))[0];
            for (var i = 0; i < count; i++)
                vectors.Add(Normalised(output.Data.AsSpan(i * Dimensions, Dimensions)));
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();

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
