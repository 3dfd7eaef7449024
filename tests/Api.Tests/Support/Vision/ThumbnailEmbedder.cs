using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>Test stand-in for the re-ID embedder, fed by the real photos: a 16x16 grey thumbnail of the
/// region, centred and L2-normalised (256 dimensions, like the model).</summary>
public sealed class ThumbnailEmbedder : IAppearanceEmbedder
{
    public string Model => "thumbnail-16x16 (test)";

    public int Dimensions => 256;

    public IReadOnlyList<float[]> Embed(BgrImage image, IReadOnlyList<PixelBox> regions)
    {
        return regions.Select(r => Thumbnail(image, r.ClampTo(image.Width, image.Height))).ToList();
    }

    static float[] Thumbnail(BgrImage image, PixelBox box)
    {
        var vector = new float[256];
        for (var ty = 0; ty < 16; ty++)
        for (var tx = 0; tx < 16; tx++)
        {
            var x = Math.Min(image.Width - 1, (int)(box.Left + (tx + 0.5f) * box.Width / 16));
            var y = Math.Min(image.Height - 1, (int)(box.Top + (ty + 0.5f) * box.Height / 16));
            var row = image.Row(y);
            vector[ty * 16 + tx] = (row[x * 3] + row[x * 3 + 1] + row[x * 3 + 2]) / 765f;
        }
        var mean = vector.Average();
        for (var i = 0; i < vector.Length; i++)
            vector[i] -= mean;
        var length = MathF.Sqrt(vector.Sum(v => v * v));
        return vector.Select(v => length > 0 ? v / length : 0).ToArray();
    }
}
