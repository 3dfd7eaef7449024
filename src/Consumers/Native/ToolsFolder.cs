namespace ShoppableVideo.Consumers.Native;

/// <summary>
/// Where scripts/setup.sh puts what NuGet cannot provide: the sqlite-vec native library (from npm) and
/// the verified ONNX models. It is the git-ignored <c>.tools</c> folder at the
/// repository root, found by walking up from the running assembly, or wherever SHOPPABLEVIDEO_TOOLS
/// points (a deployment that installs them elsewhere).
/// </summary>
public sealed class ToolsFolder(string root)
{
    public const string EnvironmentVariable = "SHOPPABLEVIDEO_TOOLS";

    public string Root { get; } = Path.GetFullPath(root);

    public string SqliteVecLibrary => Path.Combine(Root, "npm", "node_modules", "sqlite-vec-linux-x64", "vec0.so");

    public string ModelsFolder => Path.Combine(Root, "models");

    /// <summary>The configured folder, else the nearest <c>.tools</c> above the application; null when
    /// setup has not run.</summary>
    public static ToolsFolder? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
            return new ToolsFolder(configured);

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, ".tools");
            if (Directory.Exists(candidate))
                return new ToolsFolder(candidate);
        }
        return null;
    }

    /// <summary>The folder, or an exception that tells the operator what to run.</summary>
    public static ToolsFolder Require() =>
        Find() ?? throw new InvalidOperationException(
            $"the .tools folder (sqlite-vec, models) was not found; run scripts/setup.sh or set {EnvironmentVariable}");
}
