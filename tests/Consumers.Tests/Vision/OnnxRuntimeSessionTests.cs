using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Consumers.Vision.Onnx;
using Xunit.Abstractions;

namespace ShoppableVideo.Consumers.Tests.Vision;

public sealed class OnnxRuntimeSessionTests(ITestOutputHelper output)
{
    [ModelsFact]
    public void Yolox_reports_its_documented_input_and_output_and_runs()
    {
        using var session = Open("yolox-nano");
        Assert.Equal([new TensorInfo("images", [1, 3, 416, 416])], session.Inputs, TensorInfoComparer.Instance);
        Assert.Equal([new TensorInfo("output", [1, 3549, 85])], session.Outputs, TensorInfoComparer.Instance);
        var result = RunOnZeros(session);
        Assert.Equal([1L, 3549, 85], result[0].Shape);
    }

    [ModelsFact]
    public void NanoDet_reports_three_class_heads_and_three_box_heads_and_runs()
    {
        using var session = Open("nanodet-m");
        Assert.Equal([new TensorInfo("input.1", [1, 3, 416, 416])], session.Inputs, TensorInfoComparer.Instance);
        var shapes = session.Outputs.Select(o => string.Join(',', o.Dimensions)).Order().ToArray();
        Assert.Equal(["1,169,32", "1,169,80", "1,2704,32", "1,2704,80", "1,676,32", "1,676,80"], shapes);
        var result = RunOnZeros(session);
        Assert.Equal(6, result.Count);
        Assert.Equal(session.Outputs.Select(o => o.Dimensions.ToArray()), result.Select(r => r.Shape));
    }

    [ModelsFact]
    public void Both_reid_models_take_one_256x128_bgr_crop_and_give_a_256_wide_vector()
    {
        foreach (var name in (string[])["person-reid-0288", "person-reid-0287"])
        {
            using var session = Open(name);
            Assert.Equal([new TensorInfo("inputs:0", [1, 256, 128, 3])], session.Inputs, TensorInfoComparer.Instance);
            Assert.Equal(256, session.Outputs.Single().Dimensions[^1]);
            Assert.Equal([1L, 256], RunOnZeros(session)[0].Shape);
        }
    }

    [ModelsFact]
    public void A_missing_model_file_is_an_onnx_runtime_error_with_its_message()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => Models.Engine.OpenSession("/nonexistent/model.onnx", 1));
        output.WriteLine(error.Message);
        Assert.Contains("/nonexistent/model.onnx", error.RuntimeMessage);
        Assert.NotEqual(OrtErrorCode.Ok, error.Code);
    }

    [ModelsFact]
    public void A_garbage_model_file_is_an_onnx_runtime_error_with_its_message()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "this is not a protobuf, let alone a model");
            var error = Assert.Throws<OnnxRuntimeException>(() => Models.Engine.OpenSession(path, 1));
            output.WriteLine(error.Message);
            Assert.NotEmpty(error.RuntimeMessage);
            Assert.Contains(error.Code, (OrtErrorCode[])[OrtErrorCode.InvalidProtobuf, OrtErrorCode.InvalidGraph, OrtErrorCode.Fail, OrtErrorCode.InvalidArgument]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [ModelsFact]
    public void An_input_of_the_wrong_shape_is_an_onnx_runtime_error_not_a_crash()
    {
        using var session = Open("person-reid-0288");
        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("inputs:0", new FloatTensor(new float[10], 1, 10)));
        output.WriteLine(error.Message);
        Assert.Equal(OrtErrorCode.InvalidArgument, error.Code);
    }

    [ModelsFact]
    public void A_model_with_a_dynamic_batch_runs_several_inputs_in_one_call()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, TinyOnnxModel.ReluWithDynamicBatch());
            using var session = Models.Engine.OpenSession(path, 1);
            Assert.Equal([new TensorInfo("x", [-1, 3])], session.Inputs, TensorInfoComparer.Instance);

            var result = session.Run("x", new FloatTensor([-1, 2, -3, 4, -5, 6, 7, 8, -9], 3, 3)).Single();

            Assert.Equal([3L, 3], result.Shape);
            Assert.Equal([0f, 2, 0, 4, 0, 6, 7, 8, 0], result.Data);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [ModelsFact]
    public void A_session_disposed_while_runs_are_in_flight_lets_them_finish_and_refuses_later_ones()
    {
        var session = Open("person-reid-0288");
        var input = new FloatTensor(new float[256 * 128 * 3], 1, 256, 128, 3);
        var (finished, refused) = (0, 0);
        // Each runner keeps running until the session refuses it, so Dispose always lands while runs go on,
        // however fast or slow the machine is; the cap only ends a test whose Dispose never refuses.
        var runners = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                try
                {
                    Assert.Equal(256, session.Run("inputs:0", input)[0].Data.Length);
                    Interlocked.Increment(ref finished);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        })).ToArray();

        while (Volatile.Read(ref finished) < 5)
            Thread.Sleep(1);
        session.Dispose();
        Task.WaitAll(runners);

        output.WriteLine($"{finished} runs finished, {refused} refused after Dispose");
        Assert.Equal(3, refused);
        Assert.Throws<ObjectDisposedException>(() => session.Run("inputs:0", input));
    }

    static IInferenceSession Open(string name) => Models.Engine.OpenSession(Models.File(name), 1);

    static IReadOnlyList<FloatTensor> RunOnZeros(IInferenceSession session)
    {
        var input = session.Inputs.Single();
        var shape = input.Dimensions.Select(d => d < 0 ? 1 : d).ToArray();
        return session.Run(input.Name, new FloatTensor(new float[shape.Aggregate(1L, (a, b) => a * b)], shape));
    }

    sealed class TensorInfoComparer : IEqualityComparer<TensorInfo>
    {
        public static readonly TensorInfoComparer Instance = new();

        public bool Equals(TensorInfo? x, TensorInfo? y) =>
            x?.Name == y?.Name && (x?.Dimensions ?? []).SequenceEqual(y?.Dimensions ?? []);

        public int GetHashCode(TensorInfo obj) => obj.Name.GetHashCode();
    }
}
