using ShoppableVideo.Api.Cli;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Sagas.Steps;
using Spectre.Console;

namespace ShoppableVideo.Api.Tests.Cli;

/// <summary>The CLI run in this process as a user would run it, with stdout and stderr captured together
/// as plain text: no colours, no live bars, lines wide enough to stay whole.</summary>
public static class CliRun
{
    public sealed record Result(int ExitCode, string Output);

    public static CommandLineApp NewApp(TextWriter writer, string? programName = null)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        // The intake settles faster than by default, as on the test host; everything else is as shipped.
        return new CommandLineApp(new CliContext(console, writer, data => new EmbeddedSettings
        {
            Data = data,
            Intake = new IntakeOptions { SettleTime = TimeSpan.FromMilliseconds(300) },
            Steps = new StepPolicy { StepTimeout = TimeSpan.FromMinutes(2), MaxAttempts = 2 },
        }, programName));
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var exitCode = await NewApp(writer).RunAsync(args);
        return new Result(exitCode, writer.ToString());
    }

    public static string NewFolder() => Directory.CreateTempSubdirectory("sv-cli-").FullName;
}
