using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Tests.Support.Vision;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using Xunit.Abstractions;

namespace ShoppableVideo.Api.Tests;

/// <summary>Images per second for the whole Luma catalog through the embedded host. It takes minutes,
/// so it runs only when SHOPPABLEVIDEO_MEASURE=1.</summary>
public class CatalogThroughputMeasurement(ITestOutputHelper output)
{
    [MeasurementFact]
    public async Task The_full_luma_catalog_ingests_and_reports_images_per_second()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var luma = Path.Combine(SharedData.Folder!, "luma");
        var target = Path.Combine(host.Data.BucketsRoot, "catalog", "luma");
        Directory.CreateDirectory(Path.Combine(target, "images"));
        foreach (var image in Directory.GetFiles(Path.Combine(luma, "images")))
            File.Copy(image, Path.Combine(target, "images", Path.GetFileName(image)));
        var staged = Path.Combine(host.Data.Root, "catalog.csv");
        File.Copy(Path.Combine(luma, "catalog.csv"), staged);

        var clock = Stopwatch.StartNew();
        File.Move(staged, Path.Combine(target, "catalog.csv"));
        var batch = await Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(20));
        clock.Stop();

        output.WriteLine($"{batch.Ingested} ingested, {batch.Failed} failed in {clock.Elapsed.TotalSeconds:0.0} s: " +
                         $"{batch.Ingested / clock.Elapsed.TotalSeconds:0.0} images/s (embedder: {vision.Embedder!.Model}, upserts {vision.Index!.Upserts})");
        // How the product region was found: a person, a bag, or the whole photo as a fallback.
        var images = await host.App.Services.GetRequiredService<ISagaStateReader<ProductImageState>>().ListAsync(limit: 1000);
        foreach (var how in images.GroupBy(i => Regex.Replace(i.Analysis ?? "", @"[0-9.]+", "#")).OrderByDescending(g => g.Count()))
            output.WriteLine($"{how.Count(),4} {how.Key}");
        foreach (var error in batch.Errors.Take(10))
            output.WriteLine($"line {error.Line}: {error.Reason}");
        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(batch.Products, batch.Ingested);

        // The same rows under another manifest name: every photo is already indexed, nothing is embedded.
        var embedded = vision.Embedder!.Embedded;
        var copy = Path.Combine(host.Data.Root, "catalog-again.csv");
        File.Copy(Path.Combine(luma, "catalog.csv"), copy);
        clock.Restart();
        File.Move(copy, Path.Combine(target, "catalog-again.csv"));
        var again = await Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Id != batch.Id && b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(20));
        clock.Stop();
        output.WriteLine($"re-drop unchanged: {again.Ingested} in {clock.Elapsed.TotalSeconds:0.0} s: " +
                         $"{again.Ingested / clock.Elapsed.TotalSeconds:0.0} images/s, {vision.Embedder.Embedded - embedded} embedded");
        foreach (var error in again.Errors.Take(5))
            output.WriteLine($"re-drop line {error.Line}: {error.Reason}");
        Assert.Equal(embedded, vision.Embedder.Embedded);
        Assert.Equal(again.Products, again.Ingested);
    }
}
