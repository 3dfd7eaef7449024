using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;

namespace ShoppableVideo.Consumers.Vision;

public static class VisionRegistration
{
    /// <summary>
    /// Detection and embedding on ONNX Runtime (CPU): one engine, and one session per model created on
    /// first use and shared by every consumer, since loading a model costs far more than running it.
    /// </summary>
    public static IServiceCollection AddOnnxVision(this IServiceCollection services, Action<VisionOptions>? configure = null)
    {
        var options = services.AddOptions<VisionOptions>();
        if (configure is not null)
            options.Configure(configure);
        services.AddSingleton<IInferenceEngine, OrtInferenceEngine>();
        services.AddSingleton(_ => ModelCatalog.Default());
        services.AddSingleton<IObjectDetector>(sp => OnnxObjectDetector.Open(
            sp.GetRequiredService<IInferenceEngine>(), sp.GetRequiredService<ModelCatalog>(),
            sp.GetRequiredService<IOptions<VisionOptions>>().Value));
        services.AddSingleton<IAppearanceEmbedder>(sp => OnnxAppearanceEmbedder.Open(
            sp.GetRequiredService<IInferenceEngine>(), sp.GetRequiredService<ModelCatalog>(),
            sp.GetRequiredService<IOptions<VisionOptions>>().Value));
        return services;
    }

    /// <summary>Whether setup installed the model files these options name. ONNX Runtime itself comes
    /// with the NuGet package, so the models are all that vision can be missing.</summary>
    public static bool ModelsInstalled(ToolsFolder tools, VisionOptions options)
    {
        var catalog = new ModelCatalog(Path.Combine(AppContext.BaseDirectory, "models"), tools.ModelsFolder);
        return new[] { options.DetectorModel, options.EmbedderModel }
            .All(name => File.Exists(Path.Combine(catalog.ModelsFolder, catalog.Manifest(name).File)));
    }
}
