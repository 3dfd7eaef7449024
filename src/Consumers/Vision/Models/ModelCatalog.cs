using System.Text.Json;
using ShoppableVideo.Consumers.Native;

namespace ShoppableVideo.Consumers.Vision.Models;

/// <summary>
/// The manifests shipped beside the binaries (<c>models/*.json</c>, copied from the repository) and
/// the folder that holds the model files themselves, which setup installs outside the repository.
/// </summary>
public sealed class ModelCatalog(string manifestFolder, string modelsFolder)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ManifestFolder { get; } = manifestFolder;

    public string ModelsFolder { get; } = modelsFolder;

    /// <summary>Manifests from the application folder, model files from the tools folder.</summary>
    public static ModelCatalog Default() =>
        new(Path.Combine(AppContext.BaseDirectory, "models"), ToolsFolder.Require().ModelsFolder);

    public ModelManifest Manifest(string name)
    {
        var path = Path.Combine(ManifestFolder, name + ".json");
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"no manifest for model '{name}' at {path}; known models: {string.Join(", ", Names())}", path);
        return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), Json)
               ?? throw new InvalidDataException($"{path} is empty");
    }

    public IReadOnlyList<string> Names() =>
        Directory.Exists(ManifestFolder)
            ? Directory.GetFiles(ManifestFolder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToArray()
            : [];

    /// <summary>The model file's path, or an error that tells the operator how to install it.</summary>
    public string ModelFile(ModelManifest manifest)
    {
        var path = Path.Combine(ModelsFolder, manifest.File);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"model '{manifest.Name}' ({manifest.File}) is not installed in {ModelsFolder}; run scripts/setup.sh", path);
        return path;
    }
}
