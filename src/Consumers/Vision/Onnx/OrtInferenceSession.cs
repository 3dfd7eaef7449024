using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// An ORT <see cref="InferenceSession"/> with its inputs and outputs read once at load. The input is
/// an <see cref="OrtValue"/> over the caller's pinned array, so it is never copied; the outputs ORT
/// allocates are copied out once and released. One count for the owner plus one per run in flight: ORT's
/// session is released when the last goes, so a Dispose racing a Run never frees it underneath that run.
/// </summary>
internal sealed class OrtInferenceSession : IInferenceSession
{
    readonly InferenceSession _session;
    readonly SessionOptions _options;
    readonly RunOptions _run = new();
    readonly string[] _outputNames;
    int _holders = 1;
    int _disposed;

    public OrtInferenceSession(InferenceSession session, SessionOptions options)
    {
        (_session, _options) = (session, options);
        Inputs = session.InputNames.Select(n => Describe(n, session.InputMetadata[n])).ToArray();
        Outputs = session.OutputNames.Select(n => Describe(n, session.OutputMetadata[n])).ToArray();
        _outputNames = session.OutputNames.ToArray();
    }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public IReadOnlyList<FloatTensor> Run(string inputName, FloatTensor input)
    {
        if (!Inputs.Any(i => i.Name == inputName))
            throw new ArgumentException($"the model has no input '{inputName}' (it has {string.Join(", ", Inputs)})", nameof(inputName));
        Hold();
        try
        {
            using var value = OrtValue.CreateTensorValueFromMemory(input.Data, input.Shape);
            using var outputs = _session.Run(_run, [inputName], [value], _outputNames);
            return outputs.Select(Copy).ToArray();
        }
        catch (Microsoft.ML.OnnxRuntime.OnnxRuntimeException e)
        {
            throw OnnxRuntimeException.From(e);
        }
        finally
        {
            Let();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            Let();
    }

    void Hold()
    {
        for (var held = Volatile.Read(ref _holders); ;)
        {
            // Once disposed, no new run starts, even while earlier runs still hold the session open.
            ObjectDisposedException.ThrowIf(held == 0 || Volatile.Read(ref _disposed) == 1, this);
            var seen = Interlocked.CompareExchange(ref _holders, held + 1, held);
            if (seen == held)
                return;
            held = seen;
        }
    }

    void Let()
    {
        if (Interlocked.Decrement(ref _holders) > 0)
            return;
        _session.Dispose();
        _options.Dispose();
        _run.Dispose();
    }

    static TensorInfo Describe(string name, NodeMetadata metadata) =>
        metadata.IsTensor
            ? new TensorInfo(name, metadata.Dimensions.Select(d => (long)d).ToArray())
            : throw new NotSupportedException($"{name}: only tensor inputs and outputs are supported");

    static FloatTensor Copy(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementDataType != TensorElementType.Float)
            throw new NotSupportedException($"output element type {info.ElementDataType} is not float32");
        return new FloatTensor(value.GetTensorDataAsSpan<float>().ToArray(), info.Shape);
    }
}
