using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>Any embedder, with a count of the regions it embedded.</summary>
public sealed class CountingEmbedder(IAppearanceEmbedder inner) : IAppearanceEmbedder
{
    int _embedded;

    public string Model => inner.Model;

    public int Dimensions => inner.Dimensions;

    public int Embedded => Volatile.Read(ref _embedded);

    public IReadOnlyList<float[]> Embed(BgrImage image, IReadOnlyList<PixelBox> regions)
    {
        Interlocked.Add(ref _embedded, regions.Count);
        return inner.Embed(image, regions);
    }
}
