using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Frames;

namespace ShoppableVideo.Consumers.Vision;

public static class FrameAnalyzerRegistration
{
    /// <summary>
    /// The real analyzer when every part it needs is registered (the raw frame reader, the item finder over
    /// the ONNX models, the product index), else the not-configured one naming what is missing, so a
    /// machine without models or .tools still processes videos and says plainly that it looked for nothing.
    /// Decided when first resolved: registration order does not matter.
    /// </summary>
    public static IServiceCollection AddFrameAnalyzer(this IServiceCollection services)
    {
        services.TryAddSingleton(new ShotVoteOptions());
        services.TryAddSingleton(sp => new ShotMatcher(sp.GetRequiredService<IProductIndex>(), sp.GetRequiredService<ShotVoteOptions>()));
        services.AddSingleton<IFrameAnalyzer>(sp =>
        {
            var missing = new[]
            {
                (Name: "video frame reader", Present: sp.GetService<IVideoFrameReader>() is not null),
                (Name: "item finder (ONNX models in .tools)", Present: sp.GetService<IItemFinder>() is not null),
                (Name: "product index", Present: sp.GetService<IProductIndex>() is not null),
            }.Where(p => !p.Present).Select(p => p.Name).ToList();
            return missing.Count > 0
                ? new NotConfiguredFrameAnalyzer($"no {string.Join(", no ", missing)}")
                : new OnnxFrameAnalyzer(sp.GetRequiredService<IVideoFrameReader>(), sp.GetRequiredService<IItemFinder>(),
                    sp.GetRequiredService<ShotMatcher>(), sp.GetService<ItemDescriber>()?.Model ?? "");
        });
        return services;
    }
}
