using System.Runtime.InteropServices;
using ShoppableVideo.Consumers.Native;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// The ONNX Runtime C API reached without a managed package: load <c>libonnxruntime.so.1</c>, ask
/// <c>OrtGetApiBase()->GetApi(version)</c> for the table of function pointers and call members by slot.
/// Every status-returning call goes through <see cref="Check"/>, so a failure is an
/// <see cref="OnnxRuntimeException"/> and the status is released.
/// </summary>
internal sealed unsafe partial class OrtApi
{
    /// <summary>Older than the library's own (23 in 1.30): the table is append-only, so an old version
    /// gets the same leading members and keeps working with any newer library.</summary>
    public const uint RequestedVersion = 16;

    static readonly Lazy<OrtApi> Loaded = new(() => Load(ToolsFolder.Require().OnnxRuntimeLibrary));

    readonly IntPtr* _table;

    OrtApi(IntPtr* table, string version)
    {
        _table = table;
        Version = version;
    }

    public static OrtApi Instance => Loaded.Value;

    /// <summary>The library's version string, for example "1.30.0".</summary>
    public string Version { get; }

    static OrtApi Load(string libraryPath)
    {
        if (!File.Exists(libraryPath))
            throw new FileNotFoundException(
                $"ONNX Runtime is not installed at {libraryPath}; run scripts/setup.sh", libraryPath);
        var library = NativeLibrary.Load(libraryPath);
        var getApiBase = (delegate* unmanaged[Cdecl]<IntPtr*>)NativeLibrary.GetExport(library, "OrtGetApiBase");
        var apiBase = getApiBase();
        var getApi = (delegate* unmanaged[Cdecl]<uint, IntPtr*>)apiBase[0];
        var getVersion = (delegate* unmanaged[Cdecl]<IntPtr>)apiBase[1];
        var version = Marshal.PtrToStringUTF8(getVersion()) ?? "unknown";
        var table = getApi(RequestedVersion);
        if (table == null)
            throw new InvalidOperationException($"ONNX Runtime {version} does not offer C API version {RequestedVersion}");
        return new OrtApi(table, version);
    }

    IntPtr Slot(int slot) => _table[slot];

    /// <summary>Turns a non-null <c>OrtStatus*</c> into an exception, releasing the status first.</summary>
    public void Check(IntPtr status)
    {
        if (status == IntPtr.Zero)
            return;
        using var owned = OrtHandle.Own<OrtStatusHandle>(status);
        var code = ((delegate* unmanaged[Cdecl]<IntPtr, int>)Slot(OrtApiSlot.GetErrorCode))(status);
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<IntPtr, IntPtr>)Slot(OrtApiSlot.GetErrorMessage))(status));
        throw new OnnxRuntimeException((OrtErrorCode)code, message ?? "(no message)");
    }

    /// <summary>Calls one of the <c>Release*</c> members, which all take the object and return nothing.</summary>
    public void Release(int slot, IntPtr handle) =>
        ((delegate* unmanaged[Cdecl]<IntPtr, void>)Slot(slot))(handle);
}
