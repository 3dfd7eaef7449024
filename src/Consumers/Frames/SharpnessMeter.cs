namespace ShoppableVideo.Consumers.Frames;

/// <summary>Variance of the Laplacian of luma: high for crisp edges, low for motion blur or defocus.
/// Measured on the low-resolution stream, so it ranks frames of one shot against each other rather than
/// measuring absolute sharpness, which is all the representative-frame picker needs.</summary>
public sealed class SharpnessMeter(int width, int height)
{
    readonly int[] _luma = new int[width * height];

    public double Measure(ReadOnlySpan<byte> rgb)
    {
        var luma = _luma;
        for (int i = 0, p = 0; i < luma.Length; i++, p += 3)
            luma[i] = (77 * rgb[p] + 150 * rgb[p + 1] + 29 * rgb[p + 2]) >> 8; // BT.601 weights in 8.8 fixed point

        double sum = 0, sumOfSquares = 0;
        long count = 0;
        for (var y = 1; y < height - 1; y++)
        {
            var row = y * width;
            for (var x = 1; x < width - 1; x++)
            {
                var i = row + x;
                double laplacian = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
                sum += laplacian;
                sumOfSquares += laplacian * laplacian;
                count++;
            }
        }
        if (count == 0)
            return 0;
        var mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }
}
