using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Reads a video's stream facts without decoding it. Throws <see cref="Media.MediaRejectedException"/>
/// for input that is not a usable video and <see cref="FileNotFoundException"/> when the object is gone.</summary>
public interface IVideoProber
{
    Task<VideoProbe> ProbeAsync(string bucket, string key, CancellationToken cancellationToken = default);
}
