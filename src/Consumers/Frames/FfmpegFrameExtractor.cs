using System.Globalization;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>One ffmpeg process decodes the video once and splits every frame two ways: a tiny rgb24 copy
/// streamed to stdout, scored here frame by frame for shot changes and sharpness, and every K-th frame
/// scaled to analysis size and kept raw (<see cref="RawFrameFormat"/>) as a candidate. Decoding twice
/// would double the cost of the step that dominates the whole pipeline; raw candidates at analysis size
/// cost neither a JPEG encode here nor a JPEG decode in analysis.</summary>
public sealed class FfmpegFrameExtractor(IObjectStore store, MediaTools tools, FrameExtractionOptions options) : IFrameExtractor
{
    const double ProgressStep = 0.01;

    const string ScratchPrefix = "shoppable-frames-";

    /// <summary>Deletes the run folders a killed process left in <paramref name="scratchFolder"/>. Only for a
    /// folder no running process uses yet: call it before the bus starts.</summary>
    public static void SweepScratch(string scratchFolder)
    {
        if (!Directory.Exists(scratchFolder))
            return;
        foreach (var leftover in Directory.EnumerateDirectories(scratchFolder, $"{ScratchPrefix}*"))
            Directory.Delete(leftover, recursive: true);
    }

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
        var (candidateWidth, candidateHeight) = CandidateSize(probe);
        var scratch = options.ScratchFolder is { } folder
            ? Directory.CreateDirectory(Path.Combine(folder, $"{ScratchPrefix}{Guid.NewGuid():N}"))
            : Directory.CreateTempSubdirectory(ScratchPrefix);
        try
        {
            var graph = FilterGraph(interval, candidateWidth, candidateHeight);
            var frames = await DecodeAsync(store.GetMediaLocation(video.Bucket, video.Key), video.Key, probe, graph, scratch.FullName, progress, cancellationToken);
            var candidates = CandidatesOnDisk(scratch.FullName, interval, frames.Count, candidateWidth * candidateHeight * 3);
            var signals = new FrameSignals(probe.FramesPerSecond, interval, frames.Count, frames, candidates.Select(c => c.Frame).ToList());

            var candidateKeys = new List<string>(candidates.Count);
            foreach (var (frame, path) in candidates)
            {
                var key = VideoArtifactKeys.Candidate(videoId, frame);
                using (var raw = new MemoryStream(RawFrameFormat.HeaderLength + candidateWidth * candidateHeight * 3))
                {
                    raw.Write(RawFrameFormat.Header(candidateWidth, candidateHeight));
                    await using (var file = File.OpenRead(path))
                        await file.CopyToAsync(raw, cancellationToken);
                    raw.Position = 0;
                    await store.WriteAsync(Buckets.Output, key, raw, cancellationToken);
                }
                candidateKeys.Add(key);
            }

            var signalsKey = await FrameSignalsFormat.StoreAsync(store, videoId, signals, cancellationToken);
            return new FrameExtraction(signals, signalsKey, candidateKeys);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    async Task<List<FrameSignal>> DecodeAsync(
        string location, string key, VideoProbe probe, string graph, string scratch,
        Func<double, Task>? progress, CancellationToken cancellationToken)
    {
        int width = options.SignalWidth, height = options.SignalHeight;
        var frameBytes = width * height * 3;
        var buffer = new byte[frameBytes];
        var scorer = new ContentScorer(width * height);
        var sharpness = new SharpnessMeter(width, height);
        var frames = new List<FrameSignal>((int)Math.Clamp(probe.EstimatedFrameCount + 16, 16, 1_000_000));
        var reported = 0.0;

        await using var process = ToolProcess.Start(tools.FfmpegPath, Arguments(location, graph, scratch), options.Timeout, cancellationToken,
            workingDirectory: scratch);
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
        if (frames.Count == 0)
        {
            var why = exitCode != 0 ? (await process.Stderr.LastLineAsync()).Replace(location, key) : "the stream holds no decodable frame";
            throw new MediaRejectedException($"ffmpeg could not decode any frame: {why}");
        }
        frames = WithPresentationTimes(frames, FrameTimestampLog.Read(scratch));
        if (CutShort(frames[^1].Seconds + 1 / probe.FramesPerSecond, probe.DurationSeconds) is { } reason)
            throw new MediaRejectedException(reason);
        return frames;
    }

    /// <summary>Frames timed by the log of their presentation times (ffmpeg already counts them from the
    /// file's start). Frame / frame rate stays when the log does not name every frame, as it always should.</summary>
    static List<FrameSignal> WithPresentationTimes(List<FrameSignal> frames, IReadOnlyList<double> times) =>
        times.Count < frames.Count
            ? frames
            : frames.Select(f => f with { Seconds = Math.Max(0, times[(int)f.FrameNumber]) }).ToList();

    /// <summary>A file cut short (an upload that stopped, a copy that did not finish) often still probes
    /// whole, because its header promises the full length, and decodes up to the cut. A document for the
    /// part that decoded would look complete and be wrong about the rest, so beyond a tolerance (1 s, or
    /// 10% of the length, whichever is more: variable frame rates and containers round the length) the
    /// video fails, saying how much of it decoded.</summary>
    public static string? CutShort(double decodedSeconds, double probedSeconds)
    {
        var tolerance = Math.Max(1.0, 0.1 * probedSeconds);
        return probedSeconds - decodedSeconds > tolerance
            ? string.Create(CultureInfo.InvariantCulture,
                $"the video is cut short: it decodes for {decodedSeconds:0.##} s of the {probedSeconds:0.##} s its header promises; store the whole file again")
            : null;
    }

    // ffmpeg turns frames by the stream's rotation before filtering, so a 90-degree video is taller than wide.
    (int Width, int Height) CandidateSize(VideoProbe probe)
    {
        if (probe.Width <= 0 || probe.Height <= 0)
            throw new MediaRejectedException($"the probe reports no frame size ({probe.Width}x{probe.Height})");
        return ImageFit.Inside(probe.DisplayWidth, probe.DisplayHeight, options.AnalysisMaxSide);
    }

    // [0:V:0]: the first real video stream (uppercase V skips cover art). fast_bilinear is enough for
    // thumbnails and is the cheapest scaler; candidates get area averaging, the better downscale, as they
    // are few. The candidate size is fixed here rather than left to ffmpeg so every raw file has a known
    // length and a half-written one is recognisable. The signal branch logs each frame's presentation time
    // (FrameTimestampLog), since a raw pipe carries pixels only.
    string FilterGraph(int interval, int candidateWidth, int candidateHeight) => string.Create(CultureInfo.InvariantCulture,
        $"[0:V:0]split=2[lo][hi];[lo]{FrameTimestampLog.Filter},scale={options.SignalWidth}:{options.SignalHeight}:flags=fast_bilinear,format=rgb24[signals];" +
        $"[hi]select='not(mod(n\\,{interval}))',scale={candidateWidth}:{candidateHeight}:flags=area,format=bgr24[candidates]");

    // passthrough on both outputs: the raw stream must carry exactly one image per decoded frame (no
    // duplicates or drops), or frame numbers drift. image2 with the rawvideo codec writes each candidate
    // as its own file of bare bgr24 bytes.
    static IEnumerable<string> Arguments(string location, string graph, string scratch) =>
    [
        "-nostdin", "-hide_banner", "-v", "error",
        "-i", location,
        "-filter_complex", graph,
        "-map", "[signals]", "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        "-map", "[candidates]", "-fps_mode", "passthrough", "-c:v", "rawvideo", "-pix_fmt", "bgr24",
        "-f", "image2", "-start_number", "0", Path.Combine(scratch, "%06d" + RawFrameFormat.Extension),
    ];

    // Output image i is decoded frame i*K. A file beyond the last decoded frame cannot exist, but a
    // half-written last file of a killed run could, so only whole files inside the decoded range count.
    static List<(long Frame, string Path)> CandidatesOnDisk(string scratch, int interval, int framesDecoded, long frameBytes)
    {
        var candidates = new List<(long, string)>();
        foreach (var path in Directory.EnumerateFiles(scratch, "*" + RawFrameFormat.Extension))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index * interval < framesDecoded && new FileInfo(path).Length == frameBytes)
                candidates.Add((index * interval, path));
        }
        candidates.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return candidates;
    }
}
