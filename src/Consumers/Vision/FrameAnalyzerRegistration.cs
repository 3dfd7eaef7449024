using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;

namespace ShoppableVideo.Consumers.Vision;

public static class FrameAnalyzerRegistration
{
    /// <summary>
    /// The real analyzer when every part it needs is registered (an image decoder, the item finder over
    /// the ONNX models, the product index), else the not-configured one naming what is missing, so a
    /// machine without models or .tools still processes videos and says plainly that it looked for nothing.
    /// Decided when first resolved: registration order does not matter.
    /// </summary>
    public static IServiceCollection AddFrameAnalyzer(this IServiceCollection services)
    {
        services.TryAddSingleton<IFrameImageLoader>(sp => new StoredJpegFrameLoader(
            sp.GetRequiredService<IObjectStore>(), sp.GetRequiredService<IImageDecoder>()));
        services.TryAddSingleton(new ShotVoteOptions());
        services.AddSingleton<IFrameAnalyzer>(sp =>
        {
            var missing = new[]
            {
                (Name: "image decoder", Present: sp.GetService<IImageDecoder>() is not null),
                (Name: "item finder (ONNX models in .tools)", Present: sp.GetService<IItemFinder>() is not null),
                (Name: "product index", Present: sp.GetService<IProductIndex>() is not null),
            }.Where(p => !p.Present).Select(p => p.Name).ToList();
            return missing.Count > 0
                ? new NotConfiguredFrameAnalyzer($"no {string.Join(", no ", missing)}")
                : new OnnxFrameAnalyzer(sp.GetRequiredService<IFrameImageLoader>(), sp.GetRequiredService<IItemFinder>(),
                    sp.GetRequiredService<IProductIndex>(), sp.GetRequiredService<ShotVoteOptions>());
        });
        return services;
    }
}
