using System.Runtime.InteropServices;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>sqlite-vec reads a float vector from a blob of little-endian float32s.</summary>
static class VectorBlob
{
    public static byte[] From(float[] vector)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("sqlite-vec vectors are little-endian float32");
        return MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
    }

    public static float[] ToFloats(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob.AsSpan()).ToArray();
}
