using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Replay.MediaSteps;

/// <summary>
/// A STAND-IN for AWS Elemental MediaConvert, which cannot run here. It answers the two calls the sampler makes
/// in the documented shapes (API reference, "Jobs": POST /2017-08-29/jobs answers 201 {"job": {...}}; "Jobs id":
/// GET /2017-08-29/jobs/{id} answers {"job": {..., "status", "jobPercentComplete" while PROGRESSING,
/// "errorCode"/"errorMessage" on ERROR}}) and does the job's frame-capture output for real: the real ffmpeg
/// captures the video it names at the job's framerateNumerator/framerateDenominator and size, and the JPEGs are
/// written to the output bucket as MediaConvert names them (destination + nameModifier + ".NNNNNNN.jpg", from 0).
/// The proxy MP4 the job also asks for is not made: nothing here reads it.
/// </summary>
public sealed class MediaConvertStandIn(IObjectStore store, S3BucketNames buckets) : HttpMessageHandler
{
    const string JobsPath = "/2017-08-29/jobs";

    readonly Lock gate = new();
    readonly Dictionary<string, (JsonNode Request, int Polls)> jobs = [];

    /// <summary>Set to end every job in ERROR with this code and message instead of capturing.</summary>
    public (int Code, string Message)? FailJobsWith { get; init; }

    public List<JsonNode> CreateJobRequests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Post && path == JobsPath)
        {
            var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
            string id;
            lock (gate)
            {
                CreateJobRequests.Add(body);
                id = $"1515368087458-standin{jobs.Count}";
                jobs[id] = (body, 0);
            }
            return Answer(HttpStatusCode.Created, Job(id, "SUBMITTED"));
        }
        if (request.Method == HttpMethod.Get && path.StartsWith(JobsPath + "/", StringComparison.Ordinal))
        {
            var id = Uri.UnescapeDataString(path[(JobsPath.Length + 1)..]);
            JsonNode job;
            int polls;
            lock (gate)
            {
                if (!jobs.TryGetValue(id, out var known))
                    return Answer(HttpStatusCode.NotFound, new JsonObject { ["message"] = $"job {id} not found" });
                (job, polls) = (known.Request, known.Polls + 1);
                jobs[id] = (job, polls);
            }
            // The first poll finds it half done; the next, finished.
            if (polls == 1)
                return Answer(HttpStatusCode.OK, Job(id, "PROGRESSING", percent: 50));
            if (FailJobsWith is { } failure)
                return Answer(HttpStatusCode.OK, Job(id, "ERROR", error: failure));
            await CaptureAsync(job["settings"]!, cancellationToken);
            return Answer(HttpStatusCode.OK, Job(id, "COMPLETE"));
        }
        return Answer(HttpStatusCode.BadRequest, new JsonObject { ["message"] = $"the stand-in has no {request.Method} {path}" });
    }

    async Task CaptureAsync(JsonNode settings, CancellationToken cancellationToken)
    {
        var (inputBucket, inputKey) = Logical((string)settings["inputs"]![0]!["fileInput"]!);
        var group = settings["outputGroups"]![0]!;
        var (outputBucket, destination) = Logical((string)group["outputGroupSettings"]!["fileGroupSettings"]!["destination"]!);
        var capture = group["outputs"]!.AsArray().Single(o => (string?)o!["videoDescription"]!["codecSettings"]!["codec"] == "FRAME_CAPTURE")!;
        var video = capture["videoDescription"]!;
        var frameCapture = video["codecSettings"]!["frameCaptureSettings"]!;

        var scratch = Directory.CreateTempSubdirectory("mediaconvert-stand-in-");
        try
        {
            var filter = string.Create(CultureInfo.InvariantCulture,
                $"fps={(int)frameCapture["framerateNumerator"]!}/{(int)frameCapture["framerateDenominator"]!},scale={(int)video["width"]!}:{(int)video["height"]!}");
            await RunFfmpegAsync(
                ["-i", store.GetMediaLocation(inputBucket, inputKey), "-vf", filter, "-frames:v", ((int)frameCapture["maxCaptures"]!).ToString(CultureInfo.InvariantCulture),
                 "-q:v", "3", "-start_number", "0", Path.Combine(scratch.FullName, "%07d.jpg")], cancellationToken);
            foreach (var file in Directory.EnumerateFiles(scratch.FullName, "*.jpg"))
            {
                await using var jpeg = File.OpenRead(file);
                await store.WriteAsync(outputBucket, $"{destination}{(string)capture["nameModifier"]!}.{Path.GetFileName(file)}", jpeg, cancellationToken);
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    (string Bucket, string Key) Logical(string s3Url)
    {
        var rest = s3Url["s3://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var physical = rest[..slash];
        var logical = buckets.ByLogicalBucket.Single(b => b.Value == physical).Key;
        return (logical, rest[(slash + 1)..]);
    }

    static async Task RunFfmpegAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-y", "-nostdin", "-v", "error", .. arguments])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"the stand-in's ffmpeg failed: {stderr}");
    }

    static JsonObject Job(string id, string status, int? percent = null, (int Code, string Message)? error = null)
    {
        var job = new JsonObject
        {
            ["arn"] = $"arn:aws:mediaconvert:us-east-1:111122223333:jobs/{id}",
            ["id"] = id,
            ["status"] = status,
            ["role"] = "arn:aws:iam::111122223333:role/MediaConvertRole",
        };
        if (percent is { } p)
            job["jobPercentComplete"] = p;
        if (error is { } e)
            (job["errorCode"], job["errorMessage"]) = (e.Code, e.Message);
        return new JsonObject { ["job"] = job };
    }

    static HttpResponseMessage Answer(HttpStatusCode status, JsonNode body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
