using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Tests.Persistence;

namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>A batch whose process dies between a product image finishing and the batch counting its report
/// must still complete once it resumes, with every row counted once. The crash is placed exactly at that
/// boundary: the image's report is lost, then the batch is resumed as a restarted host resumes it.</summary>
public class CatalogIngestionRecoveryTests
{
    const int Rows = 40;

    [Theory]
    [InlineData(0, false)]   // the first row submitted
    [InlineData(23, false)]  // the last row of the first window of 24
    [InlineData(24, false)]  // the first row submitted when a slot frees
    [InlineData(39, false)]  // the last row
    [InlineData(17, true)]   // a row whose photo was refused: its failure report is lost
    public async Task A_batch_that_lost_a_finished_images_report_completes_after_it_resumes(int lostRow, bool refused)
    {
        var script = new CatalogScript(Rows, refused ? new HashSet<int> { lostRow } : null);
        var lostImage = script.ImageIds[lostRow];
        await using var harness = await CatalogSagaHarness.StartAsync(script, new HashSet<Guid> { lostImage });
        var batchId = Guid.NewGuid();

        await harness.Harness.Bus.Publish(new CatalogManifestCreated(batchId, new StoredObject("catalog", "shop/catalog.csv", 100, "sha256:m")));

        // Every image finishes, but the batch never hears from the lost one and waits, one slot short.
        foreach (var id in script.ImageIds)
            await harness.WaitForImage(id, m => id == lostImage && refused ? m.Failed : m.Completed);
        var stuck = await Eventually.Get(() => Task.FromResult(harness.Batches.Sagas.Contains(batchId)),
            b => b is not null && b.Ingested.Count + b.FailedImages.Count == Rows - 1);
        Assert.Equal(Rows - 1, stuck.Ingested.Count + stuck.FailedImages.Count);
        Assert.Equal(nameof(harness.Batches.StateMachine.Ingesting), stuck.CurrentState);
        Assert.Equal(1, harness.LostReports.Count);

        // A restarted host resumes every unfinished batch: it submits its unreported rows again.
        await harness.Harness.Bus.Publish(new ResumeCatalogIngestion(batchId));

        var done = await harness.WaitForBatch(batchId, m => m.Completed);
        Assert.Equal(refused ? Rows - 1 : Rows, done.Ingested.Count);
        Assert.Equal(refused ? 1 : 0, done.FailedImages.Count);
        Assert.Equal(refused ? [lostRow + 2] : [], done.Errors.Select(e => e.Line));
    }
}
