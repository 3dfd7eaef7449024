using System.Runtime.InteropServices;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// An <c>OrtSession</c> with its inputs and outputs read once at load. Names ORT needs on every run
/// are kept as native UTF-8 strings for the session's lifetime instead of being marshalled per call.
/// </summary>
internal sealed unsafe class OrtInferenceSession : IInferenceSession
{
    readonly OrtApi _api;
    readonly OrtSessionHandle _session;
    readonly OrtMemoryInfoHandle _cpu;
    readonly Dictionary<string, IntPtr> _inputNames = [];
    readonly IntPtr[] _outputNames;

    public OrtInferenceSession(OrtApi api, OrtSessionHandle session)
    {
        (_api, _session) = (api, session);
        try
        {
            _cpu = api.CreateCpuMemoryInfo();
            Inputs = Enumerable.Range(0, api.InputCount(session))
                .Select(i => new TensorInfo(api.InputName(session, i), api.InputShape(session, i))).ToArray();
            Outputs = Enumerable.Range(0, api.OutputCount(session))
                .Select(i => new TensorInfo(api.OutputName(session, i), api.OutputShape(session, i))).ToArray();
            foreach (var input in Inputs)
                _inputNames[input.Name] = Marshal.StringToCoTaskMemUTF8(input.Name);
            _outputNames = Outputs.Select(o => Marshal.StringToCoTaskMemUTF8(o.Name)).ToArray();
        }
        catch
        {
            FreeNames();
            _cpu?.Dispose();
            session.Dispose();
            throw;
        }
    }

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public IReadOnlyList<FloatTensor> Run(string inputName, FloatTensor input)
    {
        if (!_inputNames.TryGetValue(inputName, out var name))
            throw new ArgumentException($"the model has no input '{inputName}' (it has {string.Join(", ", Inputs)})", nameof(inputName));

        // Holding a reference keeps a concurrent Dispose from releasing the session mid-run.
        var held = false;
        _session.DangerousAddRef(ref held);
        try
        {
            fixed (float* data = input.Data)
            {
                using var tensor = _api.CreateTensorOver(_cpu, data, input.Data.Length, input.Shape);
                var outputs = _api.Run(_session, [name], [tensor], _outputNames);
                try
                {
                    return outputs.Select(_api.CopyFloatTensor).ToArray();
                }
                finally
                {
                    foreach (var output in outputs)
                        output.Dispose();
                }
            }
        }
        finally
        {
            if (held)
                _session.DangerousRelease();
        }
    }

    public void Dispose()
    {
        _session.Dispose();
        _cpu.Dispose();
        FreeNames();
    }

    void FreeNames()
    {
        foreach (var name in _inputNames.Values)
            Marshal.FreeCoTaskMem(name);
        _inputNames.Clear();
        foreach (var name in _outputNames ?? [])
            Marshal.FreeCoTaskMem(name);
    }
}
