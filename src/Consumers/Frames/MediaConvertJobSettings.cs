using System.Text.Json.Nodes;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Frames;

/// <summary>
/// The CreateJob document for one video (MediaConvert API reference, "Jobs": POST /2017-08-29/jobs; the
/// wire names are camelCase). One FILE_GROUP output group writes, under videos/{id}/mediaconvert/:
/// JPEG captures at the candidate rate and analysis size (video-frame.NNNNNNN.jpg), and a small H.264
/// proxy (video-proxy.mp4), because MediaConvert does not run a job made of frame captures alone.
/// </summary>
public static class MediaConvertJobSettings
{
    public const string BaseName = "video";
    public const string CaptureModifier = "-frame";
    public const string ProxyModifier = "-proxy";

    public static string Folder(Guid videoId) => $"{VideoArtifactKeys.Folder(videoId)}/mediaconvert/";

    public static JsonObject CreateJobRequest(Guid videoId, StoredObject video, VideoProbe probe, FrameCaptureRate rate,
        int analysisMaxSide, MediaConvertOptions options, S3BucketNames buckets)
    {
        var (width, height) = OutputSize(probe, analysisMaxSide);
        var request = new JsonObject
        {
            ["role"] = options.RoleArn,
            // The same token for the same video: a redelivered message within MediaConvert's idempotency
            // window gets the job already submitted instead of a second one.
            ["clientRequestToken"] = videoId.ToString("N"),
            ["userMetadata"] = new JsonObject { ["videoId"] = videoId.ToString("N") },
            ["settings"] = new JsonObject
            {
                ["inputs"] = new JsonArray(new JsonObject
                {
                    ["fileInput"] = buckets.Url(video.Bucket, video.Key),
                    ["timecodeSource"] = "ZEROBASED",
                    // Turn by the stream's rotation, as ffmpeg does, so captures are upright at the size below.
                    ["videoSelector"] = new JsonObject { ["rotate"] = "AUTO" },
                }),
                ["outputGroups"] = new JsonArray(new JsonObject
                {
                    ["name"] = "File Group",
                    ["outputGroupSettings"] = new JsonObject
                    {
                        ["type"] = "FILE_GROUP_SETTINGS",
                        ["fileGroupSettings"] = new JsonObject
                        {
                            ["destination"] = buckets.Url(Buckets.Output, Folder(videoId) + BaseName),
                        },
                    },
                    ["outputs"] = new JsonArray(
                        CaptureOutput(width, height, rate, probe, options),
                        ProxyOutput(width, height, options)),
                }),
            },
        };
        if (options.QueueArn is { } queue)
            request["queue"] = queue;
        return request;
    }

    // Frame capture: no audio, container RAW, codec FRAME_CAPTURE.
    static JsonObject CaptureOutput(int width, int height, FrameCaptureRate rate, VideoProbe probe, MediaConvertOptions options) => new()
    {
        ["nameModifier"] = CaptureModifier,
        ["containerSettings"] = new JsonObject { ["container"] = "RAW" },
        ["videoDescription"] = new JsonObject
        {
            ["width"] = width,
            ["height"] = height,
            ["codecSettings"] = new JsonObject
            {
                ["codec"] = "FRAME_CAPTURE",
                ["frameCaptureSettings"] = new JsonObject
                {
                    ["framerateNumerator"] = rate.Numerator,
                    ["framerateDenominator"] = rate.Denominator,
                    ["maxCaptures"] = MaxCaptures(probe, rate),
                    ["quality"] = options.JpegQuality,
                },
            },
        },
    };

    static JsonObject ProxyOutput(int width, int height, MediaConvertOptions options) => new()
    {
        ["nameModifier"] = ProxyModifier,
        ["containerSettings"] = new JsonObject { ["container"] = "MP4" },
        ["videoDescription"] = new JsonObject
        {
            ["width"] = width,
            ["height"] = height,
            ["codecSettings"] = new JsonObject
            {
                ["codec"] = "H_264",
                ["h264Settings"] = new JsonObject
                {
                    ["rateControlMode"] = "QVBR",
                    ["maxBitrate"] = options.ProxyMaxBitrate,
                },
            },
        },
    };

    // The first capture is the first frame, then one per period: duration * rate + 1, plus one for rounding.
    // MediaConvert caps MaxCaptures at 1,000,000 (its schema: __integerMin1Max1000000).
    static int MaxCaptures(VideoProbe probe, FrameCaptureRate rate) =>
        (int)Math.Clamp(Math.Ceiling(probe.DurationSeconds * rate.CapturesPerSecond) + 2, 1, 1_000_000);

    // The analysis size the ffmpeg extractor scales candidates to, after rotation; MediaConvert wants even sizes.
    static (int Width, int Height) OutputSize(VideoProbe probe, int analysisMaxSide)
    {
        if (probe.Width <= 0 || probe.Height <= 0)
            throw new Media.MediaRejectedException($"the probe reports no frame size ({probe.Width}x{probe.Height})");
        var (fitWidth, fitHeight) = ImageFit.Inside(probe.DisplayWidth, probe.DisplayHeight, analysisMaxSide);
        return (Math.Max(2, fitWidth & ~1), Math.Max(2, fitHeight & ~1));
    }
}
