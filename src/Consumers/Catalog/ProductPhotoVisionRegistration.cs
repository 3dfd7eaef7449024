using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;

namespace ShoppableVideo.Consumers.Catalog;

public static class ProductPhotoVisionRegistration
{
    /// <summary>
    /// Catalog ingestion's eyes: the real ones when an image decoder, a detector and an embedder are
    /// registered, else the not-configured stand-in naming what is missing. Decided when first resolved,
    /// so registration order does not matter. Also registers the <see cref="IItemFinder"/> the video
    /// analyzer shares, so frames and catalog photos are described alike.
    /// </summary>
    public static IServiceCollection AddProductPhotoVision(this IServiceCollection services)
    {
        // Built on demand: only the finder and the photo vision below use it, and only over an embedder, so a
        // host without the models never needs one (and its service validation does not ask for an embedder).
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ItemDescriber>(sp));
        services.TryAddSingleton<DecodedPhotoCache>();
        // None without the models, so the video analyzer names it missing rather than failing to build it.
        services.TryAddSingleton<IItemFinder>(sp =>
            sp.GetService<IObjectDetector>() is not null && sp.GetService<IAppearanceEmbedder>() is not null
                ? ActivatorUtilities.CreateInstance<DetectingItemFinder>(sp)
                : null!);
        services.TryAddSingleton<IProductPhotoVision>(sp =>
        {
            var missing = new[]
            {
                (Name: "image decoder", Present: sp.GetService<IImageDecoder>() is not null),
                (Name: "object detector", Present: sp.GetService<IObjectDetector>() is not null),
                (Name: "appearance embedder", Present: sp.GetService<IAppearanceEmbedder>() is not null),
            }.Where(p => !p.Present).Select(p => p.Name).ToList();
            return missing.Count > 0
                ? new NotConfiguredProductPhotoVision($"no {string.Join(", no ", missing)}")
                : ActivatorUtilities.CreateInstance<ProductPhotoVision>(sp);
        });
        return services;
    }
}
