using System.CommandLine;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>process</c>: the main job in one command. It starts the embedded host, drops an optional
/// catalog and then the videos into the buckets exactly as a user would, follows their sagas and prints
/// the shots and products found.</summary>
public sealed class ProcessCommand : Command
{
    public ProcessCommand(CliContext context) : base("process", "Process videos (after ingesting a catalog) and print the shots and products found")
    {
        var videos = new Argument<string[]>("video") { Description = "Video files", Arity = ArgumentArity.OneOrMore };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "A catalog manifest (or a folder holding one) to ingest first",
            HelpName = "CSV",
        };
        Arguments.Add(videos);
        Options.Add(catalog);
        TreatUnmatchedTokensAsErrors = false; // --Key=Value host settings pass through
        SetAction((parse, ct) => context.GuardedAsync(() =>
            RunAsync(context, parse, parse.GetValue(catalog), parse.GetValue(videos)!, ct)));
    }

    static async Task<int> RunAsync(CliContext context, ParseResult parse, string? catalog, string[] videos, CancellationToken ct)
    {
        // Checked before the host starts, so a typo costs nothing.
        if (videos.FirstOrDefault(v => !File.Exists(v)) is { } missing)
            throw new CliException($"no such file: {missing}");
        var manifestPath = catalog is null ? null : BucketUploads.FindManifest(catalog);

        var console = context.Output;
        var data = context.DataDirectory(parse);
        await using var host = await CliHost.StartAsync(context.SettingsFor(data), ServeCommand.HostArguments(parse), ct);
        var failed = 0;
        if (manifestPath is not null)
        {
            var batch = await CatalogIngestionRun.RunAsync(host, console, manifestPath, ct);
            failed += batch.CurrentState == nameof(CatalogIngestionStateMachine.Failed) ? 1 : 0;
        }

        var reader = host.Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        var ids = new List<Guid>();
        foreach (var path in videos)
            ids.Add(BucketUploads.SagaIdFor(await BucketUploads.DropAsync(host.Store, Buckets.Videos, Path.GetFileName(path), path, ct)));
        await SagaWaiter.WaitAsync(console, ids.Select((id, i) =>
            (id, $"video {Path.GetFileName(videos[i])}", (Func<CancellationToken, Task<SagaRow?>>)(async c =>
                await reader.FindAsync(id, c) is { } saga ? SagaRow.Of(saga) : null))).ToList(), ct);

        var products = host.Services.GetRequiredService<IProductCatalog>();
        foreach (var id in ids)
        {
            var saga = (await reader.FindAsync(id, ct))!;
            console.WriteLine();
            await ShotTable.WriteAsync(console, saga, products, ct);
            if (saga.CurrentState == nameof(VideoProcessingStateMachine.Failed))
                failed++;
            else
                console.WriteLine($"open the player: run `./run.sh serve{DataArgument(parse, context)}`, then {PlayerUrl(saga.CorrelationId)}");
        }
        return failed == 0 ? 0 : 1;
    }

    public static string PlayerUrl(Guid videoId) => OpenCommand.PlayerUrl(ServeCommand.DefaultUrl, videoId);

    static string DataArgument(ParseResult parse, CliContext context) =>
        parse.GetValue(context.Data) is { } data && data != "data" ? $" --data {data}" : "";
}
