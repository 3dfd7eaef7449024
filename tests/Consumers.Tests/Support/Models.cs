using ShoppableVideo.Consumers.Native;
using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>The models that scripts/setup.sh installs into .tools; absent on a bare checkout, so tests
/// that need them skip. One engine serves every test, as one would in production.</summary>
public static class Models
{
    public static readonly string? MissingReason = FindMissing();

    static readonly Lazy<OrtInferenceEngine> SharedEngine = new(() => new OrtInferenceEngine());

    public static OrtInferenceEngine Engine => SharedEngine.Value;

    public static ModelCatalog Catalog => ModelCatalog.Default();

    public static string File(string name) => Catalog.ModelFile(Catalog.Manifest(name));

    static string? FindMissing()
    {
        var tools = ToolsFolder.Find();
        if (tools is null)
            return "needs .tools (run scripts/setup.sh): the models are not installed";
        var catalog = new ModelCatalog(Path.Combine(AppContext.BaseDirectory, "models"), tools.ModelsFolder);
        var missing = catalog.Names()
            .Select(catalog.Manifest)
            .Where(m => !System.IO.File.Exists(Path.Combine(tools.ModelsFolder, m.File)))
            .Select(m => m.File).ToArray();
        return missing.Length > 0 ? $"needs models {string.Join(", ", missing)} in {tools.ModelsFolder} (run scripts/setup.sh)" : null;
    }
}

/// <summary>A fact that skips, saying why, where the models are not installed.</summary>
public sealed class ModelsFactAttribute : FactAttribute
{
    public ModelsFactAttribute()
    {
        if (Models.MissingReason is not null)
            Skip = Models.MissingReason;
    }
}

/// <summary>A fact that needs the models and the shared catalog photos.</summary>
public sealed class ModelsAndSharedDataFactAttribute : FactAttribute
{
    public ModelsAndSharedDataFactAttribute()
    {
        if (Models.MissingReason is not null)
            Skip = Models.MissingReason;
        else if (SharedData.Folder is null)
            Skip = "needs ../shared/data (the workplace's real catalog photos), which is not present on this machine";
    }
}
