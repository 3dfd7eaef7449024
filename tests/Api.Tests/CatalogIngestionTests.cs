using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests;

public class CatalogIngestionTests
{
    [SharedDataFact]
    public async Task A_manifest_with_bad_rows_ingests_the_good_ones_and_reports_each_bad_line()
    {
        await using var host = await EmbeddedHost.StartAsync();
        var catalog = Path.Combine(host.Data.BucketsRoot, "catalog", "shop");
        Directory.CreateDirectory(Path.Combine(catalog, "images"));
        var luma = Path.Combine(SharedData.Folder!, "luma", "images");
        File.Copy(Path.Combine(luma, "mh01-black_main.jpg"), Path.Combine(catalog, "images", "mh01-black.jpg"));
        File.Copy(Path.Combine(luma, "wb01-black_main.jpg"), Path.Combine(catalog, "images", "wb01-black.jpg"));
        File.WriteAllText(Path.Combine(catalog, "images", "fake.jpg"), "not an image");

        var staged = Path.Combine(host.Data.Root, "manifest.csv");
        File.WriteAllText(staged, """
            product_id,name,price,category,image
            MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
            WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
            MISSING-1,Ghost product,10,Men/Tops,images/missing.jpg
            FAKE-1,Text pretending,10,Men/Tops,images/fake.jpg
            ,No id,10,Men/Tops,images/mh01-black.jpg
            """);
        File.Move(staged, Path.Combine(catalog, "manifest.csv"));

        var batch = await WaitForBatch(host, TimeSpan.FromMinutes(1));

        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(4, batch.Products);
        Assert.Equal(2, batch.Ingested);
        Assert.Equal(2, batch.Failed);
        Assert.Equal([4, 5, 6], batch.Errors.Select(e => e.Line));
        Assert.Contains("not in the catalog bucket", batch.Errors[0].Reason);
        Assert.Contains("not a readable image", batch.Errors[1].Reason);
        Assert.Contains("product_id", batch.Errors[2].Reason);
        Assert.True(File.Exists(Path.Combine(host.Data.BucketsRoot, "output", "catalog", "products", "MH01-Black.json")));
        Assert.False(File.Exists(Path.Combine(host.Data.BucketsRoot, "output", "catalog", "products", "FAKE-1.json")));
    }

    static Task<CatalogBatchStatus> WaitForBatch(EmbeddedHost host, TimeSpan timeout) =>
        Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), timeout);
}
