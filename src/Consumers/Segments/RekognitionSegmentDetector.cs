using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>
/// Shots from Amazon Rekognition Video segment detection (JSON 1.1 protocol, X-Amz-Target
/// RekognitionService.*): StartSegmentDetection for SHOT segments on the S3 video, then
/// GetSegmentDetection polled with backoff while IN_PROGRESS and read page by page through NextToken once
/// SUCCEEDED. Technical cues (black frames, colour bars, credits, studio logos, slates, content) are not
/// asked for: they overlap the shots rather than partition the video, a cue is no reason to cut a shot in
/// two, and an analysis nothing reads is work (and, per segment type, cost) for nothing. Should an answer
/// hold any, only SHOT segments become <see cref="Shot"/>s.
/// </summary>
public sealed class RekognitionSegmentDetector(
    IAwsHttpClient client,
    AwsService rekognition,
    S3BucketNames buckets,
    RekognitionSegmentOptions options,
    PollingBackoff backoff) : IShotDetector
{
    const string ContentType = "application/x-amz-json-1.1";

    public async Task<IReadOnlyList<Shot>> DetectShotsAsync(Guid videoId, StoredObject video, FrameSignals signals,
        Func<Task>? stillRunning = null, CancellationToken cancellationToken = default)
    {
        ObjectKey.EnsureValid(video.Key);
        var started = await CallAsync("StartSegmentDetection", StartRequest(videoId, video), cancellationToken);
        var jobId = started.StringOrNull("JobId") ?? throw new InvalidDataException("StartSegmentDetection answered without a JobId");

        // Polling asks for the first page; once the job has succeeded that page is kept, not asked for twice.
        var firstPage = await backoff.UntilDoneAsync($"Rekognition segment detection {jobId}", async token =>
        {
            var page = await CallAsync("GetSegmentDetection", PageRequest(jobId, null), token);
            if (Finished(jobId, page))
                return new JsonBox(page);
            if (stillRunning is not null)
                await stillRunning();
            return null;
        }, cancellationToken);

        var shots = new List<RekognitionShot>();
        double? framesPerSecond = null;
        var current = firstPage.Value;
        while (true)
        {
            framesPerSecond ??= FrameRate(current);
            if (current.TryGetProperty("Segments", out var segments))
                foreach (var segment in segments.EnumerateArray())
                    if (segment.StringOrNull("Type") == "SHOT")
                        shots.Add(RekognitionShot.From(segment));
            if (current.StringOrNull("NextToken") is not { Length: > 0 } next)
                break;
            current = await CallAsync("GetSegmentDetection", PageRequest(jobId, next), cancellationToken);
        }

        var fps = framesPerSecond ?? throw new InvalidDataException($"Rekognition segment detection {jobId} reported no video frame rate");
        return Shot.Tiling(shots.Select(s => InSignalFrames(s.StartFrame(fps), fps, signals)), signals.FrameCount);
    }

    // Only where each shot starts is kept: each runs until the next begins (Shot.Tiling), so it does not matter
    // that Rekognition's documentation leaves open whether EndFrameNumber is the shot's last frame or the next
    // shot's first, and a stretch between two shots (one below MinShotConfidence) joins the shot before it.
    // Rekognition counts frames from 0 as the frame step does; its frame rate is the probe's for the same file,
    // and should it read the rate differently the frame is carried over by its time.
    static long InSignalFrames(long rekognitionFrame, double rekognitionFps, FrameSignals signals) =>
        Math.Abs(rekognitionFps - signals.FramesPerSecond) < 1e-3
            ? rekognitionFrame
            : (long)Math.Round(rekognitionFrame / rekognitionFps * signals.FramesPerSecond);

    static bool Finished(string jobId, JsonElement page) => page.StringOrNull("JobStatus") switch
    {
        "SUCCEEDED" => true,
        // A failed analysis is about this video (unsupported codec, unreadable object): retrying ends the same.
        "FAILED" => throw new MediaRejectedException(
            $"Rekognition segment detection {jobId} failed: {page.StringOrNull("StatusMessage") ?? "no status message"}"),
        _ => false,
    };

    // VideoMetadata is a list (one entry per video stream analysed); the first holds the frame rate.
    static double? FrameRate(JsonElement page) =>
        page.TryGetProperty("VideoMetadata", out var metadata) && metadata.ValueKind == JsonValueKind.Array
        && metadata.GetArrayLength() > 0 && metadata[0].TryGetProperty("FrameRate", out var rate)
        && rate.ValueKind == JsonValueKind.Number && rate.GetDouble() > 0
            ? rate.GetDouble()
            : null;

    JsonObject StartRequest(Guid videoId, StoredObject video) => new()
    {
        ["Video"] = new JsonObject
        {
            ["S3Object"] = new JsonObject { ["Bucket"] = buckets.For(video.Bucket), ["Name"] = video.Key },
        },
        // The same token for the same video: a redelivered message gets the job already started.
        ["ClientRequestToken"] = videoId.ToString("N"),
        ["JobTag"] = videoId.ToString("N"),
        ["SegmentTypes"] = new JsonArray("SHOT"),
        ["Filters"] = new JsonObject
        {
            ["ShotFilter"] = new JsonObject { ["MinSegmentConfidence"] = options.MinShotConfidence },
        },
    };

    JsonObject PageRequest(string jobId, string? nextToken)
    {
        var request = new JsonObject { ["JobId"] = jobId, ["MaxResults"] = options.PageSize };
        if (nextToken is not null)
            request["NextToken"] = nextToken;
        return request;
    }

    Task<JsonElement> CallAsync(string operation, JsonObject body, CancellationToken cancellationToken)
    {
        var request = AwsJsonRequests.Json(rekognition, HttpMethod.Post, "/", body, ContentType);
        request.Headers.Add("X-Amz-Target", $"RekognitionService.{operation}");
        return client.SendJsonAsync(rekognition, request, cancellationToken);
    }

    // UntilDoneAsync wants a reference type; a JsonElement is a struct.
    sealed record JsonBox(JsonElement Value);
}
