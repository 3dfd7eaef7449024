using System.CommandLine;
using ShoppableVideo.Api.Hosting;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary>What every command shares: the consoles it writes to, the one <c>--data</c> option and how
/// the embedded host is configured. Tests hand in consoles over a StringWriter and shorter time limits.</summary>
public sealed class CliContext
{
    readonly Func<DataDirectory, EmbeddedSettings> settings;

    public CliContext(IAnsiConsole output, TextWriter error, Func<DataDirectory, EmbeddedSettings>? settings = null,
        string? programName = null)
    {
        Output = output;
        Error = error;
        this.settings = settings ?? (data => new EmbeddedSettings { Data = data });
        ProgramName = programName ?? RootCommand.ExecutableName;
    }

    /// <summary>run.sh names itself here, so usage lines read <c>./run.sh process ...</c>, as the README
    /// user types them, rather than the assembly's name.</summary>
    public const string ProgramNameVariable = "SHOPPABLEVIDEO_PROGRAM";

    /// <summary>The process's own stdout and stderr. Redirected stdout gets no colours and no redrawn
    /// bars (progress degrades to plain lines), and lines wide enough that URLs and reasons stay whole.</summary>
    public static CliContext ForConsole()
    {
        var programName = Environment.GetEnvironmentVariable(ProgramNameVariable) is { Length: > 0 } name ? name : null;
        if (!Console.IsOutputRedirected)
            return new(AnsiConsole.Console, Console.Error, programName: programName);
        var output = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(Console.Out),
        });
        output.Profile.Width = 200;
        return new(output, Console.Error, programName: programName);
    }

    /// <summary>What usage lines call the program: run.sh as it was started, else the assembly's name.</summary>
    public string ProgramName { get; }

    public IAnsiConsole Output { get; }

    /// <summary>Plain text: error lines are read by people and by scripts, never styled.</summary>
    public TextWriter Error { get; }

    /// <summary>Recursive, so every verb takes it and it is defined here once.</summary>
    public Option<string> Data { get; } = new("--data")
    {
        Description = "The data folder: buckets as sub-folders and the SQLite file",
        HelpName = "DIR",
        DefaultValueFactory = _ => "data",
        Recursive = true,
    };

    public DataDirectory DataDirectory(ParseResult parse) => Hosting.DataDirectory.At(parse.GetValue(Data)!);

    /// <summary>For the verbs that read sagas: a deployment's REST API instead of the data folder.</summary>
    public Option<string?> Api { get; } = new("--api")
    {
        Description = "Read through this server's REST API (any profile, any number of processes) instead of --data's SQLite file",
        HelpName = "URL",
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The key for --api when its reads need one (default: ${ApiKeyVariable})",
        HelpName = "KEY",
    };

    public const string ApiKeyVariable = "SHOPPABLEVIDEO_API_KEY";

    /// <summary>Where <c>status</c> and <c>watch</c> read: the API given with --api, or the data folder.</summary>
    public ISagaSource SagaSource(ParseResult parse) => parse.GetValue(Api) is { } url
        ? ApiSagaSource.Open(url, parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable))
        : SagaDatabase.Open(DataDirectory(parse));

    public EmbeddedSettings SettingsFor(DataDirectory data) => settings(data);

    /// <summary>Runs a command body; a <see cref="CliException"/> is an expected failure (a missing file, an
    /// unknown id) and becomes one line on stderr and exit code 1 rather than a stack trace.</summary>
    public async Task<int> GuardedAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException e)
        {
            Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
