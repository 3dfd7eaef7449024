namespace ShoppableVideo.Infra;

/// <summary>Finds folders of the repository the app runs from. `dotnet run --project infra/…` starts in the
/// caller's folder while the binary sits under bin/, so both are walked up to the solution file.</summary>
public static class RepositoryFolders
{
    const string SolutionFile = "ShoppableVideo.sln";

    public static string StateMachines() => Path.Combine(Root(), "infra", "statemachines");

    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
                    return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"No {SolutionFile} above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; pass StateMachineFolder explicitly.");
    }
}
