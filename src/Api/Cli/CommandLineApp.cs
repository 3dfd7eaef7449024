using System.CommandLine;

namespace ShoppableVideo.Api.Cli;

/// <summary>The root command with its verbs. No verb, or a first argument that is an option, means
/// <c>serve</c>: that is how the host has always started, and how WebApplicationFactory starts it, with
/// arguments such as <c>--contentRoot=/x --environment=Development</c>.</summary>
public sealed class CommandLineApp
{
    static readonly string[] RootOnlyOptions = ["--help", "-h", "-?", "--version"];

    readonly CliContext context;

    public CommandLineApp(CliContext context)
    {
        this.context = context;
        Root = new RootCommand("ShoppableVideo: finds catalog products in videos and serves shoppable metadata.")
        {
            context.Data,
            new ServeCommand(context),
            new IngestCatalogCommand(context),
            new ReindexCommand(context),
            new ProcessCommand(context),
            new StatusCommand(context),
            new WatchCommand(context),
            new OpenCommand(context),
            new ApiKeyCommand(context),
            new AslCommand(context),
        };
    }

    public RootCommand Root { get; }

    public ParseResult Parse(IReadOnlyList<string> args) =>
        // No response files: a host setting may well start with '@'.
        Root.Parse(WithDefaultVerb(args), new ParserConfiguration { ResponseFileTokenReplacer = null });

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        await using var output = new UsageNamingWriter(context.Output.Profile.Out.Writer, Root.Name, context.ProgramName);
        return await Parse(args).InvokeAsync(new InvocationConfiguration
        {
            Output = output,
            Error = context.Error,
            // Exceptions must leave the entry point as they are: WebApplicationFactory stops the host it
            // captured by throwing from Build(), and expects to see that exception, not a printed one.
            EnableDefaultExceptionHandler = false,
            // Ctrl+C cancels the command's token; the web host gets as long to stop as it would alone.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        }, cancellationToken);
    }

    static IReadOnlyList<string> WithDefaultVerb(IReadOnlyList<string> args) =>
        args.Count == 0 || (args[0].StartsWith('-') && !RootOnlyOptions.Contains(args[0])) ? ["serve", .. args] : args;
}
