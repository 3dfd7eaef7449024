using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Segments;

namespace ShoppableVideo.Consumers.Media;

public static class MediaRegistration
{
    public static readonly IReadOnlyList<Type> ConsumerTypes =
        [typeof(ProbeVideoConsumer), typeof(ExtractFramesConsumer), typeof(DetectSegmentsConsumer)];

    /// <summary>Registers the ffmpeg adapters, the in-process shot detector, the representative-frame picker and
    /// the three media consumers. The IObjectStore comes from the profile. Adapters are TryAdd'ed so a profile
    /// may register its own first (<see cref="AwsMediaRegistration"/>: MediaConvert, Rekognition).</summary>
    public static IBusRegistrationConfigurator AddMediaConsumers(this IBusRegistrationConfigurator bus, Action<MediaOptions>? configure = null)
    {
        var options = new MediaOptions();
        configure?.Invoke(options);
        bus.TryAddSingleton(options.Tools);
        bus.TryAddSingleton(options.Limits);
        bus.TryAddSingleton(options.Extraction);
        bus.TryAddSingleton(options.ShotDetection);
        bus.TryAddSingleton(options.RepresentativeFrames);
        bus.TryAddSingleton<IVideoProber, FfprobeVideoProber>();
        bus.TryAddSingleton<IFrameExtractor, FfmpegFrameExtractor>();
        bus.TryAddSingleton<IVideoFrameReader, StoredVideoFrameReader>();
        bus.TryAddSingleton<IShotDetector, AdaptiveShotDetector>();
        bus.TryAddSingleton<RepresentativeFramePicker>();
        bus.TryAddSingleton<SegmentBuilder>();
        foreach (var consumer in ConsumerTypes)
            bus.AddConsumer(consumer);
        return bus;
    }
}
