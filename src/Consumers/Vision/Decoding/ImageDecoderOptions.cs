namespace ShoppableVideo.Consumers.Vision.Decoding;

public sealed class ImageDecoderOptions
{
    /// <summary>Images whose header declares more pixels than this are refused without being decoded.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>One image gets this long; a decoder process that takes longer is killed and restarted, and
    /// only that image fails.</summary>
    public TimeSpan PerImageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A decoder process with nothing to do for this long is stopped; the next image starts one.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Decoder processes per (format, size) at most: each decodes one image at a time, so this is
    /// how many images of one kind decode in parallel.</summary>
    public int ProcessesPerKind { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
