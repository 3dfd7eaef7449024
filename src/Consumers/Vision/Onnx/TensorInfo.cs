namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>An input or output as the model declares it; a dynamic dimension is -1.</summary>
public sealed record TensorInfo(string Name, IReadOnlyList<long> Dimensions)
{
    public override string ToString() => $"{Name}[{string.Join(',', Dimensions)}]";
}
