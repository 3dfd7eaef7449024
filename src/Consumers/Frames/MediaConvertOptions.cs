namespace ShoppableVideo.Consumers.Frames;

/// <summary>Where and as whom MediaConvert runs the frame capture jobs.</summary>
public sealed class MediaConvertOptions
{
    /// <summary>The IAM role MediaConvert assumes to read the video and write the captures (required).</summary>
    public string RoleArn { get; set; } = "";

    /// <summary>A queue ARN; null submits to the account's Default queue.</summary>
    public string? QueueArn { get; set; }

    /// <summary>JPEG quality of the captures (1-100). Analysis sees them downscaled, so a modest value is enough.</summary>
    public int JpegQuality { get; set; } = 90;

    /// <summary>Bitrate ceiling of the small proxy MP4 every job writes beside the captures: MediaConvert
    /// refuses jobs whose only output is a frame capture.</summary>
    public int ProxyMaxBitrate { get; set; } = 1_000_000;
}
