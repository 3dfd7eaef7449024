using System.Text.Json;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>
/// Samples frames with an AWS Elemental MediaConvert frame capture job: submits CreateJob
/// (<see cref="MediaConvertJobSettings"/>), polls GetJob (GET /2017-08-29/jobs/{id}) with backoff until
/// COMPLETE, ERROR or CANCELED, then lists the captures in the output bucket. Capture i is frame
/// i * interval: the interval the ffmpeg extractor keeps candidates at, so both profiles analyse the same
/// frames of a video.
/// </summary>
public sealed class MediaConvertFrameSampler(
    IAwsHttpClient client,
    AwsService mediaConvert,
    IObjectStore store,
    S3BucketNames buckets,
    MediaConvertOptions options,
    FrameExtractionOptions sampling,
    PollingBackoff backoff) : IFrameSampler
{
    const string JobsPath = "2017-08-29/jobs";

    public async Task<IReadOnlyList<SampledFrame>> SampleAsync(Guid videoId, StoredObject video, VideoProbe probe,
        Func<double, Task>? progress = null, CancellationToken cancellationToken = default)
    {
        ObjectKey.EnsureValid(video.Key);
        var rate = FrameCaptureRate.For(probe.FramesPerSecond, sampling.CandidateIntervalFor(probe.FramesPerSecond));
        var body = MediaConvertJobSettings.CreateJobRequest(videoId, video, probe, rate, sampling.AnalysisMaxSide, options, buckets);

        var created = await client.SendJsonAsync(mediaConvert, AwsJsonRequests.Json(mediaConvert, HttpMethod.Post, JobsPath, body), cancellationToken);
        var jobId = created.GetProperty("job").StringOrNull("id")
            ?? throw new InvalidDataException("MediaConvert CreateJob answered without a job id");

        await backoff.UntilDoneAsync($"MediaConvert job {jobId}", async token =>
        {
            var answer = await client.SendJsonAsync(mediaConvert,
                AwsJsonRequests.Json(mediaConvert, HttpMethod.Get, $"{JobsPath}/{Uri.EscapeDataString(jobId)}", null), token);
            var job = answer.GetProperty("job");
            // A long job's percentage is what keeps the saga's step from timing out while it runs.
            if (progress is not null && PercentComplete(job) is { } percent)
                await progress(percent / 100.0);
            return Finished(jobId, job);
        }, cancellationToken);

        return await CapturesAsync(videoId, probe.FramesPerSecond, rate.Interval, cancellationToken);
    }

    // SUBMITTED and PROGRESSING go on polling. ERROR means MediaConvert could not make the outputs from this
    // input (unreadable or unsupported media, its errorCode 1xxx), and CANCELED that someone stopped the
    // job on purpose: submitting again would end the same way, so both fail the step with MediaConvert's reason.
    static string? Finished(string jobId, JsonElement job) => job.StringOrNull("status") switch
    {
        "COMPLETE" => "COMPLETE",
        "ERROR" => throw new MediaRejectedException(
            $"MediaConvert job {jobId} failed: {job.StringOrNull("errorMessage") ?? "no error message"}{ErrorCode(job)}"),
        "CANCELED" => throw new MediaRejectedException($"MediaConvert job {jobId} was canceled"),
        _ => null,
    };

    // jobPercentComplete is reported only while the job is PROGRESSING (API reference, "Job").
    static int? PercentComplete(JsonElement job) =>
        job.TryGetProperty("jobPercentComplete", out var percent) && percent.ValueKind == JsonValueKind.Number
            ? Math.Clamp(percent.GetInt32(), 0, 100)
            : null;

    static string ErrorCode(JsonElement job) =>
        job.TryGetProperty("errorCode", out var code) && code.ValueKind == JsonValueKind.Number ? $" (error code {code.GetInt32()})" : "";

    // Captures are numbered in the order they were taken, so their order by name is their order in time;
    // the rank, not the number, gives the frame, whatever MediaConvert's numbering starts at.
    async Task<IReadOnlyList<SampledFrame>> CapturesAsync(Guid videoId, double framesPerSecond, int interval, CancellationToken cancellationToken)
    {
        var prefix = MediaConvertJobSettings.Folder(videoId) + MediaConvertJobSettings.BaseName + MediaConvertJobSettings.CaptureModifier + ".";
        var keys = new List<string>();
        await foreach (var key in store.ListAsync(Buckets.Output, prefix, cancellationToken))
            if (key.EndsWith(".jpg", StringComparison.Ordinal))
                keys.Add(key);
        keys.Sort(StringComparer.Ordinal);
        if (keys.Count == 0)
            throw new MediaRejectedException("MediaConvert finished the job but wrote no frame captures");

        var frames = new List<SampledFrame>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var frame = (long)i * interval;
            frames.Add(new SampledFrame(frame, frame / framesPerSecond, keys[i]));
        }
        return frames;
    }
}
