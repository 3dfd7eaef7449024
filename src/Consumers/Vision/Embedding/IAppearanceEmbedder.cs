using ShoppableVideo.Consumers.Vision.Pixels;

namespace ShoppableVideo.Consumers.Vision.Embedding;

/// <summary>Embeds image regions as L2-normalised vectors: similar clothing gives a high dot product.</summary>
public interface IAppearanceEmbedder
{
    string Model { get; }

    int Dimensions { get; }

    /// <summary>One vector per region, in order; regions are read straight from the image, never copied out.</summary>
    IReadOnlyList<float[]> Embed(BgrImage image, IReadOnlyList<PixelBox> regions);
}
