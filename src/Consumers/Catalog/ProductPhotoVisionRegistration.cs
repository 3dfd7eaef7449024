using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Consumers.Catalog;

public static class ProductPhotoVisionRegistration
{
    /// <summary>Lets catalog ingestion detect and embed product photos. Needs an IImageDecoder, an
    /// IObjectDetector and an IAppearanceEmbedder registered; without this call the catalog steps run
    /// "not-configured".</summary>
    public static IServiceCollection AddProductPhotoVision(this IServiceCollection services)
    {
        services.TryAddSingleton<ItemDescriber>();
        services.TryAddSingleton<ProductPhotoVision>();
        return services;
    }
}
