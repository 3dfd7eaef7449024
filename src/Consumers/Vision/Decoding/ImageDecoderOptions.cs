namespace ShoppableVideo.Consumers.Vision.Decoding;

public sealed class ImageDecoderOptions
{
    /// <summary>Images whose header declares more pixels than this are refused without being decoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;
}
