using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>
/// Counters around the embedded host's vision: the real ONNX detector and embedder where the profile
/// registered them (setup installed the models), else test stand-ins fed by the same real photos; the
/// real sqlite-vec index with an upsert count. The decoder is a test stand-in until the pixels branch lands.
/// </summary>
public sealed class TestVision
{
    public CountingEmbedder? Embedder { get; private set; }

    public CountingProductIndex? Index { get; private set; }

    public void Register(IServiceCollection services)
    {
        services.TryAddSingleton<IImageDecoder, FfmpegProcessImageDecoder>();
        services.TryAddSingleton<IObjectDetector, CentredPersonDetector>();
        var embedder = services.LastOrDefault(d => d.ServiceType == typeof(IAppearanceEmbedder));
        services.Replace(ServiceDescriptor.Singleton<IAppearanceEmbedder>(provider => Embedder = new CountingEmbedder(
            embedder?.ImplementationFactory?.Invoke(provider) as IAppearanceEmbedder ?? new ThumbnailEmbedder())));
        services.Replace(ServiceDescriptor.Singleton<IProductIndex>(provider =>
            Index = new CountingProductIndex(ActivatorUtilities.CreateInstance<SqliteProductIndex>(provider))));
    }
}
