using System.CommandLine;
using ShoppableVideo.Sagas.StepFunctions;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>asl</c>: regenerates the Step Functions definitions that mirror the sagas, from the state
/// machines themselves. The files are committed; a test fails when they no longer match the machines.</summary>
public sealed class AslCommand : Command
{
    public AslCommand(CliContext context) : base("asl", "Write the Step Functions (ASL) definitions generated from the sagas")
    {
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the *.asl.json files to",
            DefaultValueFactory = _ => new DirectoryInfo(StepFunctionsDefinitions.Folder),
        };
        Options.Add(output);
        SetAction(parse =>
        {
            foreach (var path in StepFunctionsDefinitions.WriteTo(parse.GetValue(output)!.FullName))
                context.Output.WriteLine($"wrote {path}");
            return 0;
        });
    }
}
