using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Media;

/// <summary>The AWS services a deployment may choose for the media steps instead of the worker's own ffmpeg
/// and in-process detector. Call before <see cref="MediaRegistration.AddMediaConsumers"/>, whose defaults are
/// only TryAdd'ed. Both need the signed client (<see cref="AwsServiceCollectionExtensions.AddAwsHttpClient"/>)
/// and reach their service at its "mediaconvert" or "rekognition" endpoint.</summary>
public static class AwsMediaRegistration
{
    /// <summary>ExtractFrames submits a MediaConvert frame-capture job and measures its JPEG captures
    /// (<see cref="SampledFrameExtractor"/>) instead of decoding the video on the worker.</summary>
    public static IServiceCollection AddMediaConvertFrameExtraction(this IServiceCollection services, MediaConvertOptions options,
        S3BucketNames buckets, PollingBackoff? backoff = null)
    {
        if (string.IsNullOrWhiteSpace(options.RoleArn))
            throw new InvalidOperationException("MediaConvert frame extraction needs the role MediaConvert assumes (MediaConvertRoleArn).");
        services.AddSingleton<IFrameSampler>(provider => new MediaConvertFrameSampler(
            provider.GetRequiredService<IAwsHttpClient>(),
            provider.GetRequiredService<AwsClientOptions>().Service("mediaconvert"),
            provider.GetRequiredService<IObjectStore>(),
            buckets,
            options,
            provider.GetRequiredService<FrameExtractionOptions>(),
            backoff ?? new PollingBackoff()));
        services.AddSingleton<IFrameExtractor, SampledFrameExtractor>();
        return services;
    }

    /// <summary>DetectSegments takes its shots from Rekognition Video segment detection on the stored video;
    /// representative frames are still picked on the worker among the frame step's candidates.</summary>
    public static IServiceCollection AddRekognitionShotDetection(this IServiceCollection services, RekognitionSegmentOptions options,
        S3BucketNames buckets, PollingBackoff? backoff = null)
    {
        services.AddSingleton<IShotDetector>(provider => new RekognitionSegmentDetector(
            provider.GetRequiredService<IAwsHttpClient>(),
            provider.GetRequiredService<AwsClientOptions>().Service("rekognition"),
            buckets,
            options,
            backoff ?? new PollingBackoff()));
        return services;
    }
}
