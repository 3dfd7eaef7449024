using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;

namespace ShoppableVideo.Api.Tests.Support.Vision;

/// <summary>The test-only decoder, detector and embedder wired into the embedded host, around the real
/// sqlite-vec index, with counters on the embedder and the index.</summary>
public sealed class TestVision
{
    public ThumbnailEmbedder Embedder { get; } = new();

    public CountingProductIndex? Index { get; private set; }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IImageDecoder, FfmpegProcessImageDecoder>();
        services.AddSingleton<IObjectDetector, CentredPersonDetector>();
        services.AddSingleton<IAppearanceEmbedder>(Embedder);
        services.AddProductPhotoVision();
        services.Replace(ServiceDescriptor.Singleton<IProductIndex>(provider =>
            Index = new CountingProductIndex(ActivatorUtilities.CreateInstance<SqliteProductIndex>(provider))));
    }
}
