namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>A dense float32 tensor in row-major order: what goes into and comes out of a model.</summary>
public sealed class FloatTensor
{
    public FloatTensor(float[] data, params long[] shape)
    {
        long expected = 1;
        foreach (var d in shape)
            expected *= d;
        if (expected != data.Length)
            throw new ArgumentException($"shape [{string.Join(',', shape)}] needs {expected} values, got {data.Length}", nameof(data));
        (Data, Shape) = (data, shape);
    }

    public float[] Data { get; }

    public long[] Shape { get; }

    public override string ToString() => $"float[{string.Join(',', Shape)}]";
}
