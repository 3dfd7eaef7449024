using System.Text.Json;
using System.Text.Json.Nodes;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>One run of a generated definition in aws-local-stepfunctions 3 (through run-local.mjs), with
/// every task answered the way the saga answers its mirrored step.</summary>
public sealed record LocalExecution(
    IReadOnlyList<string> Visited, IReadOnlyDictionary<string, int> Calls, string Status, string? Error, string? Cause)
{
    public static async Task<LocalExecution> RunAsync(JsonObject definition, object scenario)
    {
        var file = Path.Combine(Path.GetTempPath(), $"asl-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition.ToJsonString());
        try
        {
            Node22.Package("aws-local-stepfunctions", "package.json");
            var script = Path.Combine(RepositoryFolder.Root, "tests", "Sagas.Tests", "StepFunctions", "run-local.mjs");
            var result = await Node22.RunAsync(script, RepositoryFolder.NodeModules, file, JsonSerializer.Serialize(scenario));
            Assert.True(result.ExitCode == 0, $"run-local.mjs failed:\n{result.Output}{result.Error}");
            var run = JsonNode.Parse(result.Output)!;
            return new LocalExecution(
                run["visited"]!.AsArray().Select(v => (string)v!).ToArray(),
                run["calls"]!.AsObject().ToDictionary(c => c.Key, c => (int)c.Value!),
                (string)run["status"]!,
                (string?)run["error"],
                (string?)run["cause"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The visited states as saga states: Choice states only route, and each step's Fail state is
    /// the saga's one failed state.</summary>
    public IReadOnlyList<string> AsSagaPath(JsonObject definition, string failedState) =>
        Visited.Select(name => (string)definition["States"]![name]!["Type"]! switch
            {
                "Choice" => null,
                "Fail" => failedState,
                _ => name,
            })
            .OfType<string>().ToArray();
}
