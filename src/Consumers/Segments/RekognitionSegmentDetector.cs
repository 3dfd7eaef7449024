using System.Text.Json;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Segments;

/// <summary>
/// Shots from Amazon Rekognition Video segment detection (JSON 1.1 protocol, X-Amz-Target
/// RekognitionService.*): StartSegmentDetection for SHOT and TECHNICAL_CUE on the S3 video, then
/// GetSegmentDetection polled with backoff while IN_PROGRESS and read page by page through NextToken once
/// SUCCEEDED. Only SHOT segments become <see cref="Segment"/>s; technical cues (black frames, colour bars,
/// credits, studio logos, slates, content) are left out, because they overlap the shots rather than
/// partition the video, and a cue is no reason to cut a shot in two.
/// </summary>
public sealed class RekognitionSegmentDetector(
    IAwsHttpClient client,
    AwsService rekognition,
    S3BucketNames buckets,
    RekognitionSegmentOptions options,
    PollingBackoff backoff) : IVideoSegmentDetector
{
    const string ContentType = "application/x-amz-json-1.1";

    public async Task<IReadOnlyList<Segment>> DetectAsync(Guid videoId, StoredObject video, CancellationToken cancellationToken = default)
    {
        ObjectKey.EnsureValid(video.Key);
        var started = await CallAsync("StartSegmentDetection", StartRequest(videoId, video), cancellationToken);
        var jobId = started.StringOrNull("JobId") ?? throw new InvalidDataException("StartSegmentDetection answered without a JobId");

        // Polling asks for the first page; once the job has succeeded that page is kept, not asked for twice.
        var firstPage = await backoff.UntilDoneAsync($"Rekognition segment detection {jobId}", async token =>
        {
            var page = await CallAsync("GetSegmentDetection", PageRequest(jobId, null), token);
            return Finished(jobId, page) ? new JsonBox(page) : null;
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
        return ToSegments(shots, fps);
    }

    // The in-process detector's contract: time order, Index 0.., frames inclusive, EndSeconds where the last
    // frame ends so consecutive segments tile the timeline. Rekognition's own frame numbers are used when
    // present (they count from 0 like ours); otherwise its millisecond timestamps, turned into frames. Its
    // documentation does not say whether EndFrameNumber is the shot's last frame or the next shot's first,
    // so a shot ends at the latest one frame before the next begins: the segments never overlap either way.
    static List<Segment> ToSegments(List<RekognitionShot> shots, double fps)
    {
        var ordered = shots.Select(s => (Start: s.StartFrame(fps), End: s.EndFrame(fps)))
            .OrderBy(s => s.Start).ThenBy(s => s.End).ToList();
        var segments = new List<Segment>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (start, end) = ordered[i];
            if (i + 1 < ordered.Count && ordered[i + 1].Start > start)
                end = Math.Min(end, ordered[i + 1].Start - 1);
            end = Math.Max(start, end);
            segments.Add(new Segment(segments.Count, start, end, start / fps, (end + 1) / fps, []));
        }
        return segments;
    }

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
        ["SegmentTypes"] = new JsonArray("SHOT", "TECHNICAL_CUE"),
        ["Filters"] = new JsonObject
        {
            ["ShotFilter"] = new JsonObject { ["MinSegmentConfidence"] = options.MinShotConfidence },
            ["TechnicalCueFilter"] = new JsonObject { ["MinSegmentConfidence"] = options.MinTechnicalCueConfidence },
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
