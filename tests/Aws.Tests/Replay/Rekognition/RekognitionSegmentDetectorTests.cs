using System.Net;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Replay.Rekognition;

public class RekognitionSegmentDetectorTests
{
    static readonly Guid VideoId = Guid.Parse("7d3c1e2a-0b4f-4c55-9d1e-2f6a8b9c0d11");
    static readonly AwsService Service = new("rekognition", "us-east-1", new Uri("https://rekognition.us-east-1.amazonaws.com/"));
    static readonly StoredObject Video = new(Buckets.Videos, "uploads/lookbook.mp4", 1_000_000, "hash");

    // The frame step's signals of the same 10 s at 25 fps: 250 frames.
    static readonly FrameSignals Signals = new(25, 15, 250, [], []);

    readonly ReplayHandler _handler = new();
    readonly RecordingClock _clock = new();

    RekognitionSegmentDetector Detector() => new(
        new ReplayAwsHttpClient(_handler), Service,
        new S3BucketNames { ByLogicalBucket = { [Buckets.Videos] = "acme-videos" } },
        new RekognitionSegmentOptions { MinShotConfidence = 85, PageSize = 2 },
        new PollingBackoff { TimeProvider = _clock });

    // Rekognition API reference, StartSegmentDetection response: {"JobId": "..."}.
    const string Started = """{"JobId":"d7a8ff0e8f1a0b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0"}""";

    // GetSegmentDetection response shape (API reference, "GetSegmentDetection"; the segment-api guide's example):
    // JobStatus, VideoMetadata (a list), SelectedSegmentTypes, Segments, NextToken. 25 fps.
    const string InProgress = """{"JobStatus":"IN_PROGRESS"}""";

    const string FirstPage = """
        {
          "JobStatus": "SUCCEEDED",
          "VideoMetadata": [{ "Codec": "h264", "DurationMillis": 10000, "Format": "QuickTime / MOV", "FrameRate": 25.0,
                              "FrameHeight": 1080, "FrameWidth": 1920, "ColorRange": "LIMITED" }],
          "AudioMetadata": [{ "Codec": "aac", "DurationMillis": 10000, "SampleRate": 44100, "NumberOfChannels": 2 }],
          "SelectedSegmentTypes": [{ "Type": "SHOT", "ModelVersion": "1.0" }, { "Type": "TECHNICAL_CUE", "ModelVersion": "2.0" }],
          "Segments": [
            { "Type": "TECHNICAL_CUE", "StartTimestampMillis": 0, "EndTimestampMillis": 400, "DurationMillis": 400,
              "StartTimecodeSMPTE": "00:00:00:00", "EndTimecodeSMPTE": "00:00:00:10", "DurationSMPTE": "00:00:00:10",
              "TechnicalCueSegment": { "Type": "BlackFrames", "Confidence": 97.2 },
              "StartFrameNumber": 0, "EndFrameNumber": 9, "DurationFrames": 10 },
            { "Type": "SHOT", "StartTimestampMillis": 0, "EndTimestampMillis": 4000, "DurationMillis": 4000,
              "StartTimecodeSMPTE": "00:00:00:00", "EndTimecodeSMPTE": "00:00:04:00", "DurationSMPTE": "00:00:04:00",
              "ShotSegment": { "Index": 0, "Confidence": 99.1 },
              "StartFrameNumber": 0, "EndFrameNumber": 99, "DurationFrames": 100 }
          ],
          "NextToken": "page-2-token"
        }
        """;

    const string SecondPage = """
        {
          "JobStatus": "SUCCEEDED",
          "VideoMetadata": [{ "Codec": "h264", "DurationMillis": 10000, "Format": "QuickTime / MOV", "FrameRate": 25.0,
                              "FrameHeight": 1080, "FrameWidth": 1920 }],
          "Segments": [
            { "Type": "SHOT", "StartTimestampMillis": 7000, "EndTimestampMillis": 10000, "DurationMillis": 3000,
              "ShotSegment": { "Index": 2, "Confidence": 95.0 },
              "StartFrameNumber": 175, "EndFrameNumber": 249, "DurationFrames": 75 },
            { "Type": "TECHNICAL_CUE", "StartTimestampMillis": 8000, "EndTimestampMillis": 10000, "DurationMillis": 2000,
              "TechnicalCueSegment": { "Type": "EndCredits", "Confidence": 91.0 },
              "StartFrameNumber": 200, "EndFrameNumber": 249, "DurationFrames": 50 }
          ],
          "NextToken": "page-3-token"
        }
        """;

    // The last page has no NextToken; this shot has no frame numbers, only its millisecond timestamps.
    const string ThirdPage = """
        {
          "JobStatus": "SUCCEEDED",
          "VideoMetadata": [{ "FrameRate": 25.0 }],
          "Segments": [
            { "Type": "SHOT", "StartTimestampMillis": 4000, "EndTimestampMillis": 7000, "DurationMillis": 3000,
              "ShotSegment": { "Index": 1, "Confidence": 88.0 } }
          ]
        }
        """;

    [Fact]
    public async Task Starts_detection_polls_until_it_succeeds_and_reads_every_page_into_ordered_shots()
    {
        _handler.Answer(Started).Answer(InProgress).Answer(FirstPage).Answer(SecondPage).Answer(ThirdPage);

        var shots = await Detector().DetectShotsAsync(VideoId, Video, Signals);

        // Technical cues are left out; shots come in time order, each until the next begins, the last to the video's end.
        Assert.Equal([new Shot(0, 99), new Shot(100, 174), new Shot(175, 249)], shots);

        Assert.All(_handler.Requests, r =>
        {
            Assert.Equal(("POST", "/"), (r.Method, r.Path));
            Assert.Equal("application/x-amz-json-1.1", r.Header("Content-Type"));
        });
        Assert.Equal(
            ["RekognitionService.StartSegmentDetection", "RekognitionService.GetSegmentDetection", "RekognitionService.GetSegmentDetection",
             "RekognitionService.GetSegmentDetection", "RekognitionService.GetSegmentDetection"],
            _handler.Requests.Select(r => r.Header("X-Amz-Target")));

        JsonAssert.Equal($$"""
            {
              "Video": { "S3Object": { "Bucket": "acme-videos", "Name": "uploads/lookbook.mp4" } },
              "ClientRequestToken": "{{VideoId:N}}",
              "JobTag": "{{VideoId:N}}",
              "SegmentTypes": ["SHOT"],
              "Filters": {
                "ShotFilter": { "MinSegmentConfidence": 85 }
              }
            }
            """, _handler.Requests[0].Body);
        const string job = "d7a8ff0e8f1a0b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0";
        JsonAssert.Equal($$"""{ "JobId": "{{job}}", "MaxResults": 2 }""", _handler.Requests[1].Body);
        JsonAssert.Equal($$"""{ "JobId": "{{job}}", "MaxResults": 2 }""", _handler.Requests[2].Body);
        JsonAssert.Equal($$"""{ "JobId": "{{job}}", "MaxResults": 2, "NextToken": "page-2-token" }""", _handler.Requests[3].Body);
        JsonAssert.Equal($$"""{ "JobId": "{{job}}", "MaxResults": 2, "NextToken": "page-3-token" }""", _handler.Requests[4].Body);
        // Polled twice (IN_PROGRESS, then the first page): one backoff wait between.
        var wait = Assert.Single(_clock.Waits);
        Assert.InRange(wait, TimeSpan.FromTicks(1), new PollingBackoff().MaxDelay);
    }

    [Fact]
    public async Task A_failed_analysis_fails_the_step_with_rekognitions_status_message()
    {
        _handler.Answer(Started).Answer(InProgress)
            .Answer("""{"JobStatus":"FAILED","StatusMessage":"Unsupported codec/format."}""");

        var failure = await Assert.ThrowsAsync<MediaRejectedException>(() => Detector().DetectShotsAsync(VideoId, Video, Signals));

        Assert.Contains("Unsupported codec/format.", failure.Reason);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_clients_retries_surfaces_as_throttling()
    {
        // JSON protocol error body (Rekognition API reference, "Common Errors" / StartSegmentDetection errors):
        // 400 with {"__type": "ProvisionedThroughputExceededException", "Message": ...}.
        for (var i = 0; i < 3; i++)
            _handler.Answer(HttpStatusCode.BadRequest,
                """{"__type":"ProvisionedThroughputExceededException","Message":"Provisioned rate exceeded"}""", "application/x-amz-json-1.1");

        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => Detector().DetectShotsAsync(VideoId, Video, Signals));

        Assert.Equal("ProvisionedThroughputExceededException", error.ErrorCode);
        Assert.Equal(3, _handler.Requests.Count);
    }

    [Fact]
    public async Task A_refused_video_is_an_invalid_request_and_nothing_is_polled()
    {
        _handler.Answer(HttpStatusCode.BadRequest,
            """{"__type":"com.amazonaws.rekognition#InvalidS3ObjectException","Message":"Unable to get object metadata from S3. Check object key, region and/or access permissions."}""",
            "application/x-amz-json-1.1");

        var error = await Assert.ThrowsAsync<AwsInvalidRequestException>(() => Detector().DetectShotsAsync(VideoId, Video, Signals));

        Assert.Equal("InvalidS3ObjectException", error.ErrorCode);
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task A_stretch_no_confident_shot_covers_joins_the_shot_before_it_and_the_last_shot_reaches_the_videos_end()
    {
        // The shot between 4 s and 7 s fell below MinShotConfidence; the last one ends before the final frames.
        _handler.Answer(Started).Answer("""
            {
              "JobStatus": "SUCCEEDED",
              "VideoMetadata": [{ "FrameRate": 25.0 }],
              "Segments": [
                { "Type": "SHOT", "StartTimestampMillis": 0, "EndTimestampMillis": 4000, "StartFrameNumber": 0, "EndFrameNumber": 99 },
                { "Type": "SHOT", "StartTimestampMillis": 7000, "EndTimestampMillis": 9000, "StartFrameNumber": 175, "EndFrameNumber": 224 }
              ]
            }
            """);

        var shots = await Detector().DetectShotsAsync(VideoId, Video, Signals);

        Assert.Equal([new Shot(0, 174), new Shot(175, 249)], shots);
    }
}
