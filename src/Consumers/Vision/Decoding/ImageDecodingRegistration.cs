using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Media;

namespace ShoppableVideo.Consumers.Vision.Decoding;

public static class ImageDecodingRegistration
{
    /// <summary>Registers <see cref="FfmpegImageDecoder"/> as the one <see cref="IImageDecoder"/>: a
    /// singleton, because its value is the processes it keeps warm; the container's disposal kills them.
    /// MediaTools is only added when the media registration has not added its own.</summary>
    public static IServiceCollection AddImageDecoding(this IServiceCollection services, Action<ImageDecoderOptions>? configure = null)
    {
        var options = new ImageDecoderOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(new MediaTools());
        services.TryAddSingleton<FfmpegImageDecoder>();
        services.TryAddSingleton<IImageDecoder>(provider => provider.GetRequiredService<FfmpegImageDecoder>());
        return services;
    }
}
