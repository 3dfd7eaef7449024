using System.Runtime.InteropServices;

namespace ShoppableVideo.Consumers.Vision.Onnx;

/// <summary>
/// Owns one ORT object and calls its <c>Release*</c> exactly once, even when the owner forgets to dispose
/// (the finalizer path) or a caller is still inside a call (SafeHandle's ref count delays the release).
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The slot of this object's <c>Release*</c> in the OrtApi table.</summary>
    protected abstract int ReleaseSlot { get; }

    protected override bool ReleaseHandle()
    {
        OrtApi.Instance.Release(ReleaseSlot, handle);
        return true;
    }

    /// <summary>Wraps a pointer ORT just returned so it is released from now on.</summary>
    public static T Own<T>(IntPtr pointer) where T : OrtHandle, new()
    {
        var owned = new T();
        owned.SetHandle(pointer);
        return owned;
    }
}
