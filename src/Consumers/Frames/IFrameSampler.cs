using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>Frames sampled from a video at the candidate rate, as images in the output bucket, and nothing
/// else. The narrow half of <see cref="IFrameExtractor"/>: a remote transcoder (MediaConvert) can sample
/// frames but cannot hand back the per-frame shot signals the one-pass ffmpeg extractor measures, so in the
/// aws profile shots come from the video itself (Rekognition, IVideoSegmentDetector)
/// and only the frames come from here.</summary>
public interface IFrameSampler
{
    Task<IReadOnlyList<SampledFrame>> SampleAsync(Guid videoId, StoredObject video, VideoProbe probe,
        CancellationToken cancellationToken = default);
}

/// <summary>One sampled frame: where it sits in the video and the key of its image in the output bucket.</summary>
public sealed record SampledFrame(long FrameNumber, double Seconds, string Key);
