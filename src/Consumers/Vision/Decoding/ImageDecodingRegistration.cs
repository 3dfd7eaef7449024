using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ShoppableVideo.Consumers.Vision.Decoding;

public static class ImageDecodingRegistration
{
    /// <summary>Registers <see cref="SkiaImageDecoder"/> as the one <see cref="IImageDecoder"/>. It holds no
    /// state between images, so one instance serves every caller.</summary>
    public static IServiceCollection AddImageDecoding(this IServiceCollection services, Action<ImageDecoderOptions>? configure = null)
    {
        var options = new ImageDecoderOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IImageDecoder, SkiaImageDecoder>();
        return services;
    }
}
