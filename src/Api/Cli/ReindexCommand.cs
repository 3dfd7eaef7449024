using System.CommandLine;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>reindex</c>: rebuild the product index from the manifests in the catalog bucket
/// (<see cref="CatalogReindexer"/>) in an embedded host started for the run, and wait for every batch.</summary>
public sealed class ReindexCommand : Command
{
    public ReindexCommand(CliContext context) : base("reindex", "Rebuild the product index from the manifests in the catalog bucket")
    {
        TreatUnmatchedTokensAsErrors = false; // --Key=Value host settings pass through
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            var data = context.DataDirectory(parse);
            await using var host = await CliHost.StartAsync(context.SettingsFor(data), ServeCommand.HostArguments(parse), ct);
            var started = await host.Services.GetRequiredService<CatalogReindexer>().StartAsync(ct);
            context.Output.WriteLine($"{started.Batches.Count} manifest(s) applied again; {started.Released.Count} product(s) " +
                                     "removed because no manifest in the bucket lists them");
            foreach (var productId in started.Released)
                context.Output.WriteLine($"  removed {productId}");
            if (started.Batches.Count == 0)
                return 0;

            var batches = host.Services.GetRequiredService<ISagaStateReader<CatalogIngestionState>>();
            await SagaWaiter.WaitAsync(context.Output, started.Batches.Select(b => (b.BatchId, $"catalog {b.Manifest}",
                (Func<CancellationToken, Task<SagaRow?>>)(async c => await batches.FindAsync(b.BatchId, c) is { } s ? SagaRow.Of(s) : null))).ToList(), ct);
            var completed = true;
            foreach (var batch in started.Batches)
            {
                var state = (await batches.FindAsync(batch.BatchId, ct))!;
                CatalogIngestionRun.PrintSummary(context.Output, state);
                completed &= state.CurrentState == nameof(CatalogIngestionStateMachine.Completed);
            }
            return completed ? 0 : 1;
        }));
    }
}
