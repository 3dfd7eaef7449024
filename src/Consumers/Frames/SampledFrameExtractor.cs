using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>
/// The frame step over a sampler (<see cref="MediaConvertFrameSampler"/>) instead of a local decode: the
/// sampled images (MediaConvert's JPEG captures, frame i*interval each) become what the ffmpeg extractor
/// leaves for the next steps: each a raw candidate frame at analysis size under the same key, and one
/// signal per sample (content score against the sample before, sharpness), measured as the ffmpeg path
/// measures them, in a <see cref="FrameSignals"/> artifact that holds only the sampled frames. Times are
/// frame / rate: the sampler captures at a constant rate.
/// </summary>
public sealed class SampledFrameExtractor(IFrameSampler sampler, IObjectStore store, IImageDecoder decoder, FrameExtractionOptions options)
    : IFrameExtractor
{
    // Most of the step is the remote job; turning its images into candidates is the rest.
    const double SamplingShare = 0.8;

    public async Task<FrameExtraction> ExtractAsync(
        Guid videoId,
        StoredObject video,
        VideoProbe probe,
        Func<double, Task>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var samples = await sampler.SampleAsync(videoId, video, probe,
            progress is null ? null : fraction => progress(fraction * SamplingShare), cancellationToken);

        int width = options.SignalWidth, height = options.SignalHeight;
        var scorer = new ContentScorer(width * height);
        var sharpness = new SharpnessMeter(width, height);
        var signals = new List<FrameSignal>(samples.Count);
        var candidateKeys = new List<string>(samples.Count);
        foreach (var sample in samples.OrderBy(s => s.FrameNumber))
        {
            var image = await decoder.DecodeAsync(await ReadAsync(sample.Key, cancellationToken), options.AnalysisMaxSide, cancellationToken);
            var key = VideoArtifactKeys.Candidate(videoId, sample.FrameNumber);
            using (var raw = new MemoryStream(RawFrameFormat.HeaderLength + image.Pixels.Length))
            {
                await RawFrameFormat.WriteAsync(image, raw, cancellationToken);
                raw.Position = 0;
                await store.WriteAsync(Buckets.Output, key, raw, cancellationToken);
            }
            candidateKeys.Add(key);

            var thumbnail = SignalFrame.Rgb24(image, width, height);
            signals.Add(new FrameSignal(sample.FrameNumber, sample.Seconds, (float)scorer.Next(thumbnail), (float)sharpness.Measure(thumbnail)));
            if (progress is not null)
                await progress(SamplingShare + (1 - SamplingShare) * signals.Count / samples.Count);
        }

        // The probe's count of frames, unless the captures reach further (a header that undercounts).
        var frameCount = Math.Max(probe.EstimatedFrameCount, signals.Count == 0 ? 0 : signals[^1].FrameNumber + 1);
        var frameSignals = new FrameSignals(probe.FramesPerSecond, options.CandidateIntervalFor(probe.FramesPerSecond), frameCount,
            signals, signals.Select(s => s.FrameNumber).ToList());
        var signalsKey = await FrameSignalsFormat.StoreAsync(store, videoId, frameSignals, cancellationToken);
        return new FrameExtraction(frameSignals, signalsKey, candidateKeys);
    }

    async Task<byte[]> ReadAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(Buckets.Output, key, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
