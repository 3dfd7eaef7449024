using System.CommandLine;
using ShoppableVideo.Api.Hosting;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>serve</c>: the web host over the data folder, until Ctrl+C.</summary>
public sealed class ServeCommand : Command
{
    public ServeCommand(CliContext context) : base("serve", "Run the web host: status API, player and the bucket watcher")
    {
        Urls = new Option<string>("--urls")
        {
            Description = "Where the host listens",
            HelpName = "URL",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        Options.Add(Urls);
        // Anything else (--contentRoot=/x, --environment=Development, --Key=Value) is host configuration,
        // handed to WebApplication.CreateBuilder as it came.
        TreatUnmatchedTokensAsErrors = false;
        SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.SettingsFor(context.DataDirectory(parse));
            var app = ShoppableVideoApp.Build(settings, HostArguments(parse), parse.GetValue(Urls));
            await app.RunAsync(cancellationToken);
            return 0;
        });
    }

    public Option<string> Urls { get; }

    /// <summary>The tokens no option of ours claimed, for the host's configuration.</summary>
    public static string[] HostArguments(ParseResult parse) => [.. parse.UnmatchedTokens];
}
