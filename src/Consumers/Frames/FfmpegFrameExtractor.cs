using System.Globalization;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>One ffmpeg process decodes the video once and splits every frame two ways: a tiny rgb24 copy
/// streamed to stdout, scored here frame by frame for shot changes and sharpness, and every K-th frame
/// at full resolution written as a JPEG candidate. Decoding twice would double the cost of the step
/// that dominates the whole pipeline.</summary>
public sealed class FfmpegFrameExtractor(IObjectStore store, MediaTools tools, FrameExtractionOptions options) : IFrameExtractor
{
    const double ProgressStep = 0.01;

    public async Task<FrameExtraction> ExtractAsync(
        Guid videoId,
        StoredObject video,
        VideoProbe probe,
        Func<double, Task>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ObjectKey.EnsureValid(video.Key);
        if (!await store.ExistsAsync(video.Bucket, video.Key, cancellationToken))
            throw new FileNotFoundException("the object no longer exists", video.Key);

        var interval = options.CandidateIntervalFor(probe.FramesPerSecond);
        var scratch = Directory.CreateTempSubdirectory("shoppable-frames-");
        try
        {
            var frames = await DecodeAsync(store.GetMediaLocation(video.Bucket, video.Key), video.Key, probe, interval, scratch.FullName, progress, cancellationToken);
            var candidates = CandidatesOnDisk(scratch.FullName, interval, frames.Count);
            var signals = new FrameSignals(probe.FramesPerSecond, interval, frames, candidates.Select(c => c.Frame).ToList());

            var candidateKeys = new List<string>(candidates.Count);
            foreach (var (frame, path) in candidates)
            {
                var key = VideoArtifactKeys.Candidate(videoId, frame);
                await using (var file = File.OpenRead(path))
                    await store.WriteAsync(Buckets.Output, key, file, cancellationToken);
                candidateKeys.Add(key);
            }

            var signalsKey = VideoArtifactKeys.FrameSignals(videoId);
            using (var buffer = new MemoryStream())
            {
                FrameSignalsFormat.Write(signals, buffer);
                buffer.Position = 0;
                await store.WriteAsync(Buckets.Output, signalsKey, buffer, cancellationToken);
            }
            return new FrameExtraction(signals, signalsKey, candidateKeys);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    async Task<List<FrameSignal>> DecodeAsync(
        string location, string key, VideoProbe probe, int interval, string scratch,
        Func<double, Task>? progress, CancellationToken cancellationToken)
    {
        int width = options.SignalWidth, height = options.SignalHeight;
        var frameBytes = width * height * 3;
        var buffer = new byte[frameBytes];
        var scorer = new ContentScorer(width * height);
        var sharpness = new SharpnessMeter(width, height);
        var frames = new List<FrameSignal>((int)Math.Clamp(probe.EstimatedFrameCount + 16, 16, 1_000_000));
        var reported = 0.0;

        await using var process = ToolProcess.Start(tools.FfmpegPath, Arguments(location, width, height, interval, scratch), options.Timeout, cancellationToken);
        try
        {
            while (await process.StandardOutput.ReadAtLeastAsync(buffer, frameBytes, throwOnEndOfStream: false, process.Token) == frameBytes)
            {
                var number = frames.Count;
                frames.Add(new FrameSignal(number, number / probe.FramesPerSecond, (float)scorer.Next(buffer), (float)sharpness.Measure(buffer)));
                if (progress is not null && probe.EstimatedFrameCount > 0)
                {
                    var fraction = Math.Min(1.0, (double)frames.Count / probe.EstimatedFrameCount);
                    if (fraction - reported >= ProgressStep)
                    {
                        reported = fraction;
                        await progress(fraction);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            process.ThrowIfTimedOut(cancellationToken);
            throw;
        }

        var exitCode = await process.WaitForExitAsync(cancellationToken);
        // A truncated or partly corrupt file often decodes up to the damage; what decoded is still useful.
        if (frames.Count == 0)
        {
            var why = exitCode != 0 ? (await process.Stderr.LastLineAsync()).Replace(location, key) : "the stream holds no decodable frame";
            throw new MediaRejectedException($"ffmpeg could not decode any frame: {why}");
        }
        return frames;
    }

    IEnumerable<string> Arguments(string location, int width, int height, int interval, string scratch)
    {
        // [0:V:0]: the first real video stream (uppercase V skips cover art). fast_bilinear is enough for
        // thumbnails and is the cheapest scaler. passthrough on both outputs: the raw stream must carry
        // exactly one image per decoded frame (no duplicates or drops), or frame numbers drift.
        var graph = string.Create(CultureInfo.InvariantCulture,
            $"[0:V:0]split=2[lo][hi];[lo]scale={width}:{height}:flags=fast_bilinear,format=rgb24[signals];[hi]select='not(mod(n\\,{interval}))'[candidates]");
        return
        [
            "-nostdin", "-hide_banner", "-v", "error",
            "-i", location,
            "-filter_complex", graph,
            "-map", "[signals]", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
            "-map", "[candidates]", "-fps_mode", "passthrough", "-q:v", options.JpegQuality.ToString(CultureInfo.InvariantCulture),
            "-f", "image2", "-start_number", "0", Path.Combine(scratch, "%06d.jpg"),
        ];
    }

    // Output image i is decoded frame i*K. A file beyond the last decoded frame cannot exist, but a
    // half-written last JPEG of a killed run could, so only indexes inside the decoded range count.
    static List<(long Frame, string Path)> CandidatesOnDisk(string scratch, int interval, int framesDecoded)
    {
        var candidates = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(scratch, "*.jpg"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index * interval < framesDecoded && new FileInfo(path).Length > 0)
                candidates.Add((index * interval, path));
        }
        candidates.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return candidates;
    }
}
