using ShoppableVideo.Sagas.StepFunctions;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>Every generated definition passes asl-validator 4.0.0, the npm package the AWS toolkits use
/// to check Amazon States Language, run as its own CLI.</summary>
public class AslValidatorTests
{
    public static TheoryData<string> Files => GeneratedDefinitionsTests.Files;

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Asl_validator_accepts_the_generated_definition(string fileName)
    {
        var text = StepFunctionsDefinitions.Generate().Single(d => d.FileName == fileName).Text;

        var result = await Validate(text);

        Assert.True(result.ExitCode == 0, $"asl-validator rejects {fileName}:\n{result.Output}{result.Error}");
    }

    [Fact]
    public async Task Asl_validator_rejects_a_definition_whose_task_goes_nowhere()
    {
        // Proves the validator is really consulted: the same document with a dangling Next must fail.
        var text = StepFunctionsDefinitions.Generate()[0].Text.Replace("\"Next\": \"Completed\"", "\"Next\": \"Nowhere\"");

        var result = await Validate(text);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("Nowhere", result.Output + result.Error);
    }

    static async Task<Node22.Result> Validate(string definition)
    {
        var cli = Node22.Package("asl-validator", Path.Combine("dist", "bin", "asl-validator.js"));
        var file = Path.Combine(Path.GetTempPath(), $"asl-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, definition);
        try
        {
            return await Node22.RunAsync(cli, "--json-path", file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
