using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ShoppableVideo.Aws.Tests.Replay.MediaSteps;

/// <summary>
/// A STAND-IN for Amazon Rekognition Video segment detection, which cannot run here. It answers the JSON 1.1
/// protocol calls (X-Amz-Target RekognitionService.*) in the documented shapes: StartSegmentDetection answers
/// {"JobId"}; GetSegmentDetection answers IN_PROGRESS once, then SUCCEEDED with VideoMetadata (FrameRate) and
/// the SHOT segments it was given (frame numbers and millisecond timestamps, rounded down, as Rekognition
/// reports them), or FAILED with a StatusMessage. Only the segment types the start request asked for are
/// answered: a black-frames technical cue at the start if it asked for TECHNICAL_CUE.
/// </summary>
public sealed class RekognitionStandIn(double framesPerSecond, IReadOnlyList<long> shotStarts, long frameCount) : HttpMessageHandler
{
    const string JobId = "d7a8ff0e8f1a0b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0";

    readonly Lock gate = new();
    int polls;

    /// <summary>Set to end the analysis FAILED with this status message.</summary>
    public string? FailWith { get; init; }

    public List<JsonNode> StartRequests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.Single() : "";
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        switch (target)
        {
            case "RekognitionService.StartSegmentDetection":
                lock (gate)
                    StartRequests.Add(body);
                return Answer(HttpStatusCode.OK, new JsonObject { ["JobId"] = JobId });
            case "RekognitionService.GetSegmentDetection" when (string?)body["JobId"] == JobId:
                int poll;
                lock (gate)
                    poll = ++polls;
                if (poll == 1)
                    return Answer(HttpStatusCode.OK, new JsonObject { ["JobStatus"] = "IN_PROGRESS" });
                return Answer(HttpStatusCode.OK, FailWith is { } reason
                    ? new JsonObject { ["JobStatus"] = "FAILED", ["StatusMessage"] = reason }
                    : Succeeded(Asked("SHOT"), Asked("TECHNICAL_CUE")));
            default:
                return Answer(HttpStatusCode.BadRequest, new JsonObject
                {
                    ["__type"] = "InvalidParameterException",
                    ["Message"] = $"the stand-in has no {target} for this request",
                });
        }
    }

    bool Asked(string segmentType)
    {
        lock (gate)
            return StartRequests.Any(r => r["SegmentTypes"]!.AsArray().Any(t => (string?)t == segmentType));
    }

    JsonObject Succeeded(bool shots, bool technicalCues)
    {
        var segments = new JsonArray();
        var types = new JsonArray();
        if (technicalCues)
        {
            types.Add(new JsonObject { ["Type"] = "TECHNICAL_CUE", ["ModelVersion"] = "2.0" });
            segments.Add(new JsonObject
            {
                ["Type"] = "TECHNICAL_CUE",
                ["StartTimestampMillis"] = 0,
                ["EndTimestampMillis"] = Millis(10),
                ["StartFrameNumber"] = 0,
                ["EndFrameNumber"] = 9,
                ["TechnicalCueSegment"] = new JsonObject { ["Type"] = "BlackFrames", ["Confidence"] = 97.2 },
            });
        }
        if (shots)
            types.Add(new JsonObject { ["Type"] = "SHOT", ["ModelVersion"] = "1.0" });
        for (var i = 0; shots && i < shotStarts.Count; i++)
        {
            var start = shotStarts[i];
            var end = i + 1 < shotStarts.Count ? shotStarts[i + 1] - 1 : frameCount - 1;
            segments.Add(new JsonObject
            {
                ["Type"] = "SHOT",
                ["StartTimestampMillis"] = Millis(start),
                ["EndTimestampMillis"] = Millis(end + 1),
                ["DurationMillis"] = Millis(end + 1) - Millis(start),
                ["StartFrameNumber"] = start,
                ["EndFrameNumber"] = end,
                ["DurationFrames"] = end - start + 1,
                ["ShotSegment"] = new JsonObject { ["Index"] = i, ["Confidence"] = 99.0 },
            });
        }
        return new JsonObject
        {
            ["JobStatus"] = "SUCCEEDED",
            ["VideoMetadata"] = new JsonArray(new JsonObject { ["Codec"] = "h264", ["FrameRate"] = framesPerSecond, ["DurationMillis"] = Millis(frameCount) }),
            ["SelectedSegmentTypes"] = types,
            ["Segments"] = segments,
        };
    }

    long Millis(long frame) => (long)Math.Floor(frame * 1000 / framesPerSecond);

    static HttpResponseMessage Answer(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/x-amz-json-1.1") };
}
