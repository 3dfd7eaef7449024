using System.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Storage;
using Spectre.Console;

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
            DefaultValueFactory = _ => DefaultUrl,
        };
        Options.Add(Urls);
        // Anything else (--contentRoot=/x, --environment=Development, --Key=Value) is host configuration,
        // handed to WebApplication.CreateBuilder as it came.
        TreatUnmatchedTokensAsErrors = false;
        SetAction(async (parse, cancellationToken) =>
        {
            var settings = context.SettingsFor(context.DataDirectory(parse));
            await using var app = ShoppableVideoApp.Build(settings, HostArguments(parse), parse.GetValue(Urls));
            VisionWarmUp.Begin(app.Services);
            await app.StartAsync(cancellationToken);
            WriteWhereItIs(context, app.Services);
            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
    }

    /// <summary>Once it listens: the console's address (the port may have been chosen by the system) and
    /// the embedded profile's data folder, so the user knows what to open and where to drop files.</summary>
    static void WriteWhereItIs(CliContext context, IServiceProvider services)
    {
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
            context.Output.WriteLine($"console: {address.TrimEnd('/')}/");
        if (services.GetService<DataDirectory>() is { } data)
        {
            context.Output.WriteLine($"data: {data.Root}");
            context.Output.WriteLine($"  buckets: {data.BucketsRoot} (drop a catalog into {Path.Combine(data.BucketsRoot, Buckets.Catalog)}, videos into {Path.Combine(data.BucketsRoot, Buckets.Videos)})");
            context.Output.WriteLine($"  database: {data.DatabasePath}");
        }
    }

    public const string DefaultUrl = "http://127.0.0.1:5080";

    public Option<string> Urls { get; }

    /// <summary>The tokens no option of ours claimed, for the host's configuration.</summary>
    public static string[] HostArguments(ParseResult parse) => [.. parse.UnmatchedTokens];
}
