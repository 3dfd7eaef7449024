using System.Net;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Replay.MediaConvert;

public class MediaConvertFrameSamplerTests
{
    static readonly Guid VideoId = Guid.Parse("7d3c1e2a-0b4f-4c55-9d1e-2f6a8b9c0d11");
    static readonly AwsService Service = new("mediaconvert", "us-west-2", new Uri("https://abcd1234.mediaconvert.us-west-2.amazonaws.com/"));
    static readonly StoredObject Video = new(Buckets.Videos, "uploads/lookbook.mp4", 1_000_000, "hash");
    // 10 s of 1920x1080 at 25 fps: the ffmpeg extractor keeps every 15th frame (MaxCandidateInterval caps 25).
    static readonly VideoProbe Probe = new(10, 25, 1920, 1080, "h264", 0, 250);

    readonly ReplayHandler _handler = new();
    readonly MemoryObjectStore _store = new();
    readonly RecordingClock _clock = new();

    MediaConvertFrameSampler Sampler() => new(
        new ReplayAwsHttpClient(_handler), Service, _store,
        new S3BucketNames { ByLogicalBucket = { [Buckets.Videos] = "acme-videos", [Buckets.Output] = "acme-output" } },
        new MediaConvertOptions { RoleArn = "arn:aws:iam::111122223333:role/MediaConvertRole", QueueArn = "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default" },
        new FrameExtractionOptions(),
        new PollingBackoff { TimeProvider = _clock });

    // MediaConvert API reference, "Jobs" (POST /2017-08-29/jobs answers 201 with {"job": {...}}) and
    // "Jobs id" (GET /2017-08-29/jobs/{id}): status SUBMITTED | PROGRESSING | COMPLETE | CANCELED | ERROR,
    // with errorCode and errorMessage when it failed. Trimmed to the fields the adapter reads.
    static string JobAnswer(string status, string extra = "") =>
        """{"job":{"arn":"arn:aws:mediaconvert:us-west-2:111122223333:jobs/1515368087458-qnoxtd","id":"1515368087458-qnoxtd","status":""" + $"\"{status}\"{extra}" +
        ""","role":"arn:aws:iam::111122223333:role/MediaConvertRole"}}""";

    [Fact]
    public async Task Submits_the_frame_capture_job_polls_until_complete_and_reads_the_captures_back()
    {
        _handler.Answer(HttpStatusCode.Created, JobAnswer("SUBMITTED"))
            .Answer(JobAnswer("PROGRESSING"))
            .Answer(JobAnswer("PROGRESSING"))
            .Answer(JobAnswer("COMPLETE"));
        var folder = $"videos/{VideoId:N}/mediaconvert/";
        // What the job wrote, as MediaConvert names it: filename.NNNNNNN.jpg, plus the proxy.
        foreach (var n in new[] { 2, 0, 1 })
            _store.Put(Buckets.Output, $"{folder}video-frame.{n:D7}.jpg");
        _store.Put(Buckets.Output, $"{folder}video-proxy.mp4");

        var frames = await Sampler().SampleAsync(VideoId, Video, Probe);

        Assert.Equal(
            [new SampledFrame(0, 0, $"{folder}video-frame.0000000.jpg"),
             new SampledFrame(15, 0.6, $"{folder}video-frame.0000001.jpg"),
             new SampledFrame(30, 1.2, $"{folder}video-frame.0000002.jpg")],
            frames);

        var create = _handler.Requests[0];
        Assert.Equal(("POST", "/2017-08-29/jobs"), (create.Method, create.Path));
        Assert.StartsWith("application/json", create.Header("Content-Type"));
        // 25 fps every 15 frames is 5/3 captures a second; 10 s gives ceil(16.7) + 2 captures at most.
        JsonAssert.Equal($$"""
            {
              "role": "arn:aws:iam::111122223333:role/MediaConvertRole",
              "queue": "arn:aws:mediaconvert:us-west-2:111122223333:queues/Default",
              "clientRequestToken": "{{VideoId:N}}",
              "userMetadata": { "videoId": "{{VideoId:N}}" },
              "settings": {
                "inputs": [{
                  "fileInput": "s3://acme-videos/uploads/lookbook.mp4",
                  "timecodeSource": "ZEROBASED",
                  "videoSelector": { "rotate": "AUTO" }
                }],
                "outputGroups": [{
                  "name": "File Group",
                  "outputGroupSettings": {
                    "type": "FILE_GROUP_SETTINGS",
                    "fileGroupSettings": { "destination": "s3://acme-output/videos/{{VideoId:N}}/mediaconvert/video" }
                  },
                  "outputs": [
                    {
                      "nameModifier": "-frame",
                      "containerSettings": { "container": "RAW" },
                      "videoDescription": {
                        "width": 640, "height": 360,
                        "codecSettings": {
                          "codec": "FRAME_CAPTURE",
                          "frameCaptureSettings": { "framerateNumerator": 5, "framerateDenominator": 3, "maxCaptures": 19, "quality": 90 }
                        }
                      }
                    },
                    {
                      "nameModifier": "-proxy",
                      "containerSettings": { "container": "MP4" },
                      "videoDescription": {
                        "width": 640, "height": 360,
                        "codecSettings": { "codec": "H_264", "h264Settings": { "rateControlMode": "QVBR", "maxBitrate": 1000000 } }
                      }
                    }
                  ]
                }]
              }
            }
            """, create.Body);

        Assert.All(_handler.Requests.Skip(1), r => Assert.Equal(("GET", "/2017-08-29/jobs/1515368087458-qnoxtd", (string?)null), (r.Method, r.Path, r.Body)));
        Assert.Equal(4, _handler.Requests.Count);
        // Three polls, a backoff wait between each two, within the ceiling.
        Assert.Equal(2, _clock.Waits.Count);
        Assert.All(_clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), new PollingBackoff().MaxDelay));
    }

    [Fact]
    public async Task A_job_that_ends_in_error_fails_the_step_with_mediaconverts_message()
    {
        _handler.Answer(HttpStatusCode.Created, JobAnswer("SUBMITTED"))
            .Answer(JobAnswer("PROGRESSING"))
            .Answer(JobAnswer("ERROR", ""","errorCode":1030,"errorMessage":"Unsupported codec in input: [prores]" """));

        var failure = await Assert.ThrowsAsync<MediaRejectedException>(() => Sampler().SampleAsync(VideoId, Video, Probe));

        Assert.Contains("Unsupported codec in input: [prores]", failure.Reason);
        Assert.Contains("1030", failure.Reason);
        Assert.Equal(0, _handler.Unanswered);
    }

    [Fact]
    public async Task The_jobs_percentage_is_reported_as_progress_while_it_runs()
    {
        _handler.Answer(HttpStatusCode.Created, JobAnswer("SUBMITTED"))
            .Answer(JobAnswer("PROGRESSING", ""","jobPercentComplete":40"""))
            .Answer(JobAnswer("PROGRESSING", ""","jobPercentComplete":80"""))
            .Answer(JobAnswer("COMPLETE"));
        _store.Put(Buckets.Output, $"videos/{VideoId:N}/mediaconvert/video-frame.0000000.jpg");
        var reported = new List<double>();

        await Sampler().SampleAsync(VideoId, Video, Probe, fraction =>
        {
            reported.Add(fraction);
            return Task.CompletedTask;
        });

        Assert.Equal([0.4, 0.8], reported);
    }

    [Fact]
    public async Task A_canceled_job_fails_the_step()
    {
        _handler.Answer(HttpStatusCode.Created, JobAnswer("SUBMITTED")).Answer(JobAnswer("CANCELED"));

        var failure = await Assert.ThrowsAsync<MediaRejectedException>(() => Sampler().SampleAsync(VideoId, Video, Probe));

        Assert.Contains("canceled", failure.Reason);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_clients_retries_surfaces_as_throttling()
    {
        // MediaConvert API reference, "Errors": 429 TooManyRequestsException, body {"message": ...}.
        for (var i = 0; i < 3; i++)
            _handler.Answer(HttpStatusCode.TooManyRequests, """{"message":"Too many requests"}""", "application/json",
                ("X-Amzn-ErrorType", "TooManyRequestsException"));

        var error = await Assert.ThrowsAsync<AwsThrottlingException>(() => Sampler().SampleAsync(VideoId, Video, Probe));

        Assert.Equal("TooManyRequestsException", error.ErrorCode);
        Assert.Equal(3, _handler.Requests.Count);
        Assert.All(_handler.Requests, r => Assert.Equal("/2017-08-29/jobs", r.Path));
    }

    [Fact]
    public async Task A_job_that_never_finishes_gives_up_after_the_last_poll_with_waits_held_under_the_ceiling()
    {
        _handler.Answer(HttpStatusCode.Created, JobAnswer("SUBMITTED"));
        for (var i = 0; i < 8; i++)
            _handler.Answer(JobAnswer("PROGRESSING"));
        var sampler = new MediaConvertFrameSampler(new ReplayAwsHttpClient(_handler), Service, _store, new S3BucketNames(),
            new MediaConvertOptions { RoleArn = "arn:aws:iam::111122223333:role/r" }, new FrameExtractionOptions(),
            new PollingBackoff { TimeProvider = _clock, MaxPolls = 8, InitialDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sampler.SampleAsync(VideoId, Video, Probe));

        Assert.Contains("8 polls", error.Message);
        Assert.Equal(1 + 8, _handler.Requests.Count);
        Assert.Equal(0, _handler.Unanswered);
        Assert.Equal(7, _clock.Waits.Count);
        Assert.All(_clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(5)));
        // Uncapped, seven exponential waits from 2 s would add up to well over 7 × 5 s, so with jitter or
        // without some of them must have been held at the ceiling.
        Assert.Contains(TimeSpan.FromSeconds(5), _clock.Waits);
    }

    [Theory]
    [InlineData(25.0, 15, 5, 3)]
    [InlineData(30000.0 / 1001, 15, 2000, 1001)]
    [InlineData(24.0, 15, 8, 5)]
    [InlineData(12.5, 12, 25, 24)]
    public void The_capture_rate_lands_every_capture_on_a_candidate_frame(double fps, int interval, int numerator, int denominator)
    {
        var rate = FrameCaptureRate.For(fps, interval);

        Assert.Equal((numerator, denominator), (rate.Numerator, rate.Denominator));
        Assert.Equal(fps / interval, rate.CapturesPerSecond, 9);
    }
}
