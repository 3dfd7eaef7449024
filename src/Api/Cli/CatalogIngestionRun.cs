using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary>Drops a catalog into a running host, follows its batch saga with a progress bar and prints
/// what came of it. <c>ingest-catalog</c> is this alone; <c>process --catalog</c> does it first.</summary>
public static class CatalogIngestionRun
{
    /// <param name="manifestPath">found by <see cref="BucketUploads.FindManifest"/> before the host started</param>
    public static async Task<CatalogIngestionState> RunAsync(CliHost host, IAnsiConsole console, string manifestPath, CancellationToken ct)
    {
        var manifest = await BucketUploads.DropCatalogAsync(host.Store, manifestPath, ct);
        var batches = host.Services.GetRequiredService<ISagaStateReader<CatalogIngestionState>>();
        var id = BucketUploads.SagaIdFor(manifest);
        await SagaWaiter.WaitAsync(console,
            [(id, $"catalog {manifest.Key}", async c => await batches.FindAsync(id, c) is { } b ? SagaRow.Of(b) : null)], ct);
        var batch = (await batches.FindAsync(id, ct))!;
        PrintSummary(console, batch);
        return batch;
    }

    public static void PrintSummary(IAnsiConsole console, CatalogIngestionState batch)
    {
        console.WriteLine($"catalog {batch.Manifest?.Key}: {batch.CurrentState}, {batch.Ingested.Count} ingested, " +
                          $"{batch.FailedImages.Count} failed, {batch.Errors.Count} row error(s)");
        if (batch.FailureReason is not null)
            console.WriteLine($"  reason: {batch.FailureReason}");
        if (batch.Errors.Count == 0)
            return;
        var errors = new Table().AddColumn("line").AddColumn("reason");
        foreach (var error in batch.Errors.OrderBy(e => e.Line))
            errors.AddRow(new Text(error.Line.ToString()), new Text(error.Reason));
        console.Write(errors);
    }
}
