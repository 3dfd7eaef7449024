using System.Runtime.InteropServices;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>The members this project calls, typed as the header declares them (enums are C ints,
/// <c>size_t</c> is <c>nuint</c>); each returns an owning handle or plain data, never a raw status.</summary>
internal sealed unsafe partial class OrtApi
{
    const int LoggingLevelError = 3;
    const int GraphOptimizationAll = 99;
    const int DeviceAllocator = 0;
    const int MemTypeDefault = 0;
    const int ElementTypeFloat = 1;

    public OrtEnvHandle CreateEnv(string logId)
    {
        var name = Marshal.StringToCoTaskMemUTF8(logId);
        try
        {
            IntPtr env;
            Check(((delegate* unmanaged[Cdecl]<int, IntPtr, IntPtr*, IntPtr>)Slot(OrtApiSlot.CreateEnv))(LoggingLevelError, name, &env));
            return OrtHandle.Own<OrtEnvHandle>(env);
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }

    public OrtSessionOptionsHandle CreateSessionOptions(int intraOpThreads)
    {
        IntPtr raw;
        Check(((delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)Slot(OrtApiSlot.CreateSessionOptions))(&raw));
        var options = OrtHandle.Own<OrtSessionOptionsHandle>(raw);
        Check(((delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Slot(OrtApiSlot.SetIntraOpNumThreads))(raw, intraOpThreads));
        // Sequential execution: one inter-op thread; the caller bounds how many runs go at once.
        Check(((delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Slot(OrtApiSlot.SetInterOpNumThreads))(raw, 1));
        Check(((delegate* unmanaged[Cdecl]<IntPtr, int, IntPtr>)Slot(OrtApiSlot.SetSessionGraphOptimizationLevel))(raw, GraphOptimizationAll));
        return options;
    }

    public OrtSessionHandle CreateSession(OrtEnvHandle env, string modelPath, OrtSessionOptionsHandle options)
    {
        var path = Marshal.StringToCoTaskMemUTF8(modelPath);
        try
        {
            IntPtr session;
            Check(((delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr, IntPtr*, IntPtr>)Slot(OrtApiSlot.CreateSession))(
                env.DangerousGetHandle(), path, options.DangerousGetHandle(), &session));
            return OrtHandle.Own<OrtSessionHandle>(session);
        }
        finally
        {
            Marshal.FreeCoTaskMem(path);
        }
    }

    public int InputCount(OrtSessionHandle session) => Count(OrtApiSlot.SessionGetInputCount, session);

    public int OutputCount(OrtSessionHandle session) => Count(OrtApiSlot.SessionGetOutputCount, session);

    int Count(int slot, OrtSessionHandle session)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)Slot(slot))(session.DangerousGetHandle(), &count));
        return checked((int)count);
    }

    public string InputName(OrtSessionHandle session, int index) => Name(OrtApiSlot.SessionGetInputName, session, index);

    public string OutputName(OrtSessionHandle session, int index) => Name(OrtApiSlot.SessionGetOutputName, session, index);

    /// <summary>ORT allocates the name with the default allocator; it is copied and handed back to it.</summary>
    string Name(int slot, OrtSessionHandle session, int index)
    {
        IntPtr allocator;
        Check(((delegate* unmanaged[Cdecl]<IntPtr*, IntPtr>)Slot(OrtApiSlot.GetAllocatorWithDefaultOptions))(&allocator));
        IntPtr name;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr, IntPtr*, IntPtr>)Slot(slot))(
            session.DangerousGetHandle(), (nuint)index, allocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8(name) ?? "";
        }
        finally
        {
            Check(((delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr>)Slot(OrtApiSlot.AllocatorFree))(allocator, name));
        }
    }

    public long[] InputShape(OrtSessionHandle session, int index) => DeclaredShape(OrtApiSlot.SessionGetInputTypeInfo, session, index);

    public long[] OutputShape(OrtSessionHandle session, int index) => DeclaredShape(OrtApiSlot.SessionGetOutputTypeInfo, session, index);

    /// <summary>The shape the model declares; dynamic dimensions come back as -1.</summary>
    long[] DeclaredShape(int slot, OrtSessionHandle session, int index)
    {
        IntPtr raw;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, nuint, IntPtr*, IntPtr>)Slot(slot))(session.DangerousGetHandle(), (nuint)index, &raw));
        using var typeInfo = OrtHandle.Own<OrtTypeInfoHandle>(raw);
        IntPtr tensorInfo; // borrowed: valid while typeInfo lives, never released on its own
        Check(((delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)Slot(OrtApiSlot.CastTypeInfoToTensorInfo))(raw, &tensorInfo));
        if (tensorInfo == IntPtr.Zero)
            throw new NotSupportedException("only tensor inputs and outputs are supported");
        return Dimensions(tensorInfo);
    }

    long[] Dimensions(IntPtr tensorInfo)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)Slot(OrtApiSlot.GetDimensionsCount))(tensorInfo, &count));
        var dims = new long[(int)count];
        fixed (long* d = dims)
            Check(((delegate* unmanaged[Cdecl]<IntPtr, long*, nuint, IntPtr>)Slot(OrtApiSlot.GetDimensions))(tensorInfo, d, count));
        return dims;
    }

    public OrtMemoryInfoHandle CreateCpuMemoryInfo()
    {
        IntPtr info;
        Check(((delegate* unmanaged[Cdecl]<int, int, IntPtr*, IntPtr>)Slot(OrtApiSlot.CreateCpuMemoryInfo))(DeviceAllocator, MemTypeDefault, &info));
        return OrtHandle.Own<OrtMemoryInfoHandle>(info);
    }

    /// <summary>A tensor over caller memory: ORT neither copies nor frees it, so it must stay pinned
    /// until the value is released.</summary>
    public OrtValueHandle CreateTensorOver(OrtMemoryInfoHandle memoryInfo, float* data, int length, long[] shape)
    {
        IntPtr value;
        fixed (long* s = shape)
            Check(((delegate* unmanaged[Cdecl]<IntPtr, void*, nuint, long*, nuint, int, IntPtr*, IntPtr>)Slot(OrtApiSlot.CreateTensorWithDataAsOrtValue))(
                memoryInfo.DangerousGetHandle(), data, (nuint)length * sizeof(float), s, (nuint)shape.Length, ElementTypeFloat, &value));
        return OrtHandle.Own<OrtValueHandle>(value);
    }

    /// <summary>Runs with ORT allocating every output; the caller owns the returned values.</summary>
    public OrtValueHandle[] Run(OrtSessionHandle session, IntPtr[] inputNames, OrtValueHandle[] inputs, IntPtr[] outputNames)
    {
        var inputPointers = inputs.Select(i => i.DangerousGetHandle()).ToArray();
        var outputs = new IntPtr[outputNames.Length];
        fixed (IntPtr* names = inputNames, values = inputPointers, wanted = outputNames, produced = outputs)
        {
            var status = ((delegate* unmanaged[Cdecl]<IntPtr, IntPtr, IntPtr*, IntPtr*, nuint, IntPtr*, nuint, IntPtr*, IntPtr>)Slot(OrtApiSlot.Run))(
                session.DangerousGetHandle(), IntPtr.Zero, names, values, (nuint)inputNames.Length, wanted, (nuint)outputNames.Length, produced);
            // Own whatever came back before checking, so a failure mid-way leaks nothing.
            var owned = outputs.Where(o => o != IntPtr.Zero).Select(OrtHandle.Own<OrtValueHandle>).ToArray();
            try
            {
                Check(status);
            }
            catch
            {
                foreach (var o in owned)
                    o.Dispose();
                throw;
            }
            return owned;
        }
    }

    /// <summary>Copies a float tensor out of ORT's memory together with its shape.</summary>
    public FloatTensor CopyFloatTensor(OrtValueHandle value)
    {
        IntPtr raw;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, IntPtr*, IntPtr>)Slot(OrtApiSlot.GetTensorTypeAndShape))(value.DangerousGetHandle(), &raw));
        using var info = OrtHandle.Own<OrtTensorTypeAndShapeInfoHandle>(raw);
        int elementType;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, int*, IntPtr>)Slot(OrtApiSlot.GetTensorElementType))(raw, &elementType));
        if (elementType != ElementTypeFloat)
            throw new NotSupportedException($"output element type {elementType} is not float32");
        var shape = Dimensions(raw);
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, nuint*, IntPtr>)Slot(OrtApiSlot.GetTensorShapeElementCount))(raw, &count));
        void* data;
        Check(((delegate* unmanaged[Cdecl]<IntPtr, void**, IntPtr>)Slot(OrtApiSlot.GetTensorMutableData))(value.DangerousGetHandle(), &data));
        var copy = new float[(int)count];
        new ReadOnlySpan<float>(data, copy.Length).CopyTo(copy);
        return new FloatTensor(copy, shape);
    }
}
