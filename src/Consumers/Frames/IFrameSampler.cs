using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Frames sampled from a video at the candidate rate, as images in the output bucket, and nothing
/// else. The narrow half of <see cref="IFrameExtractor"/>: a remote transcoder (MediaConvert) can sample
/// frames but cannot measure every frame as the one-pass ffmpeg extractor does; <see cref="SampledFrameExtractor"/>
/// measures the sampled frames themselves and stores them as candidates.</summary>
public interface IFrameSampler
{
    /// <param name="progress">Called with 0..1 while the remote job runs, awaited before polling goes on.</param>
    Task<IReadOnlyList<SampledFrame>> SampleAsync(Guid videoId, StoredObject video, VideoProbe probe,
        Func<double, Task>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>One sampled frame: where it sits in the video and the key of its image in the output bucket.</summary>
public sealed record SampledFrame(long FrameNumber, double Seconds, string Key);
