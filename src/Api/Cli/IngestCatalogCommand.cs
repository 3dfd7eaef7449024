using System.CommandLine;
using ShoppableVideo.Sagas.Catalog;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>ingest-catalog</c>: put a manifest and its photos into the catalog bucket of an embedded
/// host started for the run, and wait until the batch is finished.</summary>
public sealed class IngestCatalogCommand : Command
{
    public IngestCatalogCommand(CliContext context) : base("ingest-catalog", "Ingest a catalog manifest and its photos")
    {
        var manifest = new Argument<string>("csv|dir")
        {
            Description = "The manifest, or a folder holding exactly one *.csv; photos are taken from beside it",
        };
        Arguments.Add(manifest);
        TreatUnmatchedTokensAsErrors = false; // --Key=Value host settings pass through
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            // Found before the host starts, so a wrong path costs nothing and leaves no data folder behind.
            var manifestPath = BucketUploads.FindManifest(parse.GetValue(manifest)!);
            var data = context.DataDirectory(parse);
            await using var host = await CliHost.StartAsync(context.SettingsFor(data), ServeCommand.HostArguments(parse), ct);
            var batch = await CatalogIngestionRun.RunAsync(host, context.Output, manifestPath, ct);
            return batch.CurrentState == nameof(CatalogIngestionStateMachine.Completed) ? 0 : 1;
        }));
    }
}
