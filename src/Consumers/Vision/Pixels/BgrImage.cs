namespace ShoppableVideo.Consumers.Vision.Pixels;

/// <summary>
/// An 8-bit image in BGR byte order with rows packed back to back (stride = Width * 3): the layout
/// ffmpeg's bgr24 writes and the models read, so pixels travel from decoder to tensor without reordering.
/// </summary>
public sealed class BgrImage
{
    public BgrImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (pixels.Length != width * height * 3)
            throw new ArgumentException($"a {width}x{height} BGR image needs {width * height * 3} bytes, got {pixels.Length}", nameof(pixels));
        (Width, Height, Pixels) = (width, height, pixels);
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Pixels { get; }

    public int Stride => Width * 3;

    public ReadOnlySpan<byte> Row(int y) => Pixels.AsSpan(y * Stride, Stride);
}
