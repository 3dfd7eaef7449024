namespace ShoppableVideo.Consumers.Media;

/// <summary>Where the ffmpeg tools live. Debian puts them on the PATH; a container may not.</summary>
public sealed class MediaTools
{
    public string FfmpegPath { get; init; } = "ffmpeg";
    public string FfprobePath { get; init; } = "ffprobe";
}
