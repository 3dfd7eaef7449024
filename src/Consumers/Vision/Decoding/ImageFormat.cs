namespace ShoppableVideo.Consumers.Vision.Decoding;

/// <summary>The still-image formats the header reader recognises and the decoder accepts.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Gif,
    Bmp,
}
