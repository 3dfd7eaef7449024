using System.Text.Json;
using System.Text.RegularExpressions;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Consumers.Vision.Preprocessing;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

/// <summary>
/// Every model's raw outputs on a real photo, held against <c>onnx-reference.json</c>, which the old
/// P/Invoke layer over ORT 1.30 wrote: the inference engine can change underneath without the numbers
/// moving. The reference keeps per output its shape, sums and 32 values spread across it; the tolerance
/// only allows for another CPU's kernels. Set SHOPPABLEVIDEO_WRITE_ONNX_REFERENCE to a path to rewrite it.
/// </summary>
public sealed class OnnxReferenceOutputTests(ITestOutputHelper output)
{
    const string Photo = "mh01-black_main.jpg";
    const int Samples = 32;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [ModelsAndSharedDataFact]
    public void Yolox_gives_the_reference_outputs_on_a_catalog_photo() => MatchesReference("yolox-nano");

    [ModelsAndSharedDataFact]
    public void NanoDet_gives_the_reference_outputs_on_a_catalog_photo() => MatchesReference("nanodet-m");

    [ModelsAndSharedDataFact]
    public void Reid_0288_gives_the_reference_outputs_on_a_catalog_photo() => MatchesReference("person-reid-0288");

    [ModelsAndSharedDataFact]
    public void Reid_0287_gives_the_reference_outputs_on_a_catalog_photo() => MatchesReference("person-reid-0287");

    void MatchesReference(string name)
    {
        var (input, outputs) = RunOnPhoto(name);
        var actual = new ModelReference(name, Sum(input.Data), outputs.Select(Summarise).ToArray());
        if (Environment.GetEnvironmentVariable("SHOPPABLEVIDEO_WRITE_ONNX_REFERENCE") is { Length: > 0 } path)
        {
            Write(path, actual);
            return;
        }

        var expected = Read().Models.Single(m => m.Model == name);
        // A different input means the decoder or preprocessing changed, not the engine: say so.
        Assert.True(expected.InputSum == actual.InputSum,
            $"the {name} input differs from the reference's ({actual.InputSum} vs {expected.InputSum}): the photo decodes differently here");
        Assert.Equal(expected.Outputs.Select(o => o.Name), actual.Outputs.Select(o => o.Name));
        var worst = 0.0;
        foreach (var (e, a) in expected.Outputs.Zip(actual.Outputs))
        {
            Assert.Equal(e.Shape, a.Shape);
            Assert.Equal(e.Sum, a.Sum, Tolerance(e.AbsSum));
            Assert.Equal(e.AbsSum, a.AbsSum, Tolerance(e.AbsSum));
            foreach (var (ev, av) in e.Values.Zip(a.Values))
            {
                Assert.Equal(ev, av, Tolerance(ev));
                worst = Math.Max(worst, Math.Abs(ev - av));
            }
        }
        output.WriteLine($"{name}: largest difference from the reference {worst}");
    }

    static (FloatTensor Input, IReadOnlyList<(TensorInfo Info, FloatTensor Tensor)> Outputs) RunOnPhoto(string name)
    {
        var image = TestImages.Decode(TestImages.CatalogPhoto(Photo));
        var model = Models.Catalog.Manifest(name);
        FloatTensor input;
        if (model.Resize == "letterbox")
            input = ImageTensorWriter.Letterbox(image, model).Tensor;
        else
        {
            // The middle of the photo, where the person stands, as one re-ID crop.
            var data = new float[model.Width * model.Height * 3];
            var region = new PixelBox(image.Width * 0.2f, image.Height * 0.05f, image.Width * 0.8f, image.Height * 0.95f);
            ImageTensorWriter.StretchInto(image, region, model, data, 0);
            input = new FloatTensor(data, 1, model.Height, model.Width, 3);
        }
        using var session = Models.Engine.OpenSession(Models.File(name), 1);
        return (input, session.Outputs.Zip(session.Run(model.Input, input)).ToArray());
    }

    static OutputReference Summarise((TensorInfo Info, FloatTensor Tensor) output)
    {
        var data = output.Tensor.Data;
        var values = Enumerable.Range(0, Samples).Select(i => data[(int)((long)i * (data.Length - 1) / (Samples - 1))]).ToArray();
        return new OutputReference(output.Info.Name, output.Tensor.Shape, Sum(data), data.Sum(v => Math.Abs((double)v)), values);
    }

    static double Sum(float[] data) => data.Sum(v => (double)v);

    /// <summary>Room for a CPU whose kernels round differently, far below anything a model change moves.</summary>
    static double Tolerance(double scale) => 1e-5 + 1e-5 * Math.Abs(scale);

    static Reference Read() =>
        JsonSerializer.Deserialize<Reference>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Vision", "onnx-reference.json")), Json)
        ?? throw new InvalidDataException("onnx-reference.json is empty");

    static void Write(string path, ModelReference model)
    {
        lock (Json)
        {
            var others = File.Exists(path)
                ? JsonSerializer.Deserialize<Reference>(File.ReadAllText(path), Json)!.Models.Where(m => m.Model != model.Model)
                : [];
            var all = others.Append(model).OrderBy(m => m.Model, StringComparer.Ordinal).ToArray();
            // One line per array of numbers keeps the file short and its diffs readable.
            var text = Regex.Replace(JsonSerializer.Serialize(new Reference(Photo, all), Json), @"\[[-0-9.eE+,\s]*\]",
                m => Regex.Replace(m.Value, @"\s+", "").Replace(",", ", "));
            File.WriteAllText(path, text + "\n");
        }
    }

    sealed record Reference(string Photo, ModelReference[] Models);

    sealed record ModelReference(string Model, double InputSum, OutputReference[] Outputs);

    sealed record OutputReference(string Name, long[] Shape, double Sum, double AbsSum, float[] Values);
}
