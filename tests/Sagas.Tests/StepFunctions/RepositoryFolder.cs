namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>The checkout the tests run from: the committed definitions, the Node tools setup.sh installed
/// under .tools/npm, and the scripts beside these tests are all found from here.</summary>
public static class RepositoryFolder
{
    public static string Root { get; } = FindRoot();

    public static string Definitions => Path.Combine(Root, Sagas.StepFunctions.StepFunctionsDefinitions.Folder);

    public static string NodeModules => Path.Combine(Root, ".tools", "npm", "node_modules");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ShoppableVideo.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No ShoppableVideo.sln above {AppContext.BaseDirectory}.");
    }
}
