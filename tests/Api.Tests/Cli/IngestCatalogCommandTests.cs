using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Cli;

public sealed class IngestCatalogCommandTests : IDisposable
{
    readonly string folder = CliRun.NewFolder();

    string Data => Path.Combine(folder, "data");

    /// <summary>A shop folder beside the data folder: photos under images/, the manifest at its root.</summary>
    string NewShop(string manifest)
    {
        var shop = Path.Combine(folder, "shop");
        Directory.CreateDirectory(Path.Combine(shop, "images"));
        var luma = Path.Combine(SharedData.Folder!, "luma", "images");
        File.Copy(Path.Combine(luma, "mh01-black_main.jpg"), Path.Combine(shop, "images", "mh01-black.jpg"));
        File.Copy(Path.Combine(luma, "wb01-black_main.jpg"), Path.Combine(shop, "images", "wb01-black.jpg"));
        File.WriteAllText(Path.Combine(shop, "manifest.csv"), manifest);
        return shop;
    }

    [SharedDataFact]
    public async Task A_tiny_manifest_is_ingested_and_the_count_reported()
    {
        var shop = NewShop("""
            product_id,name,price,category,image
            MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
            WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
            """);

        var result = await CliRun.RunAsync("ingest-catalog", Path.Combine(shop, "manifest.csv"), "--data", Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("catalog shop/manifest.csv: Completed, 2 ingested, 0 failed, 0 row error(s)", result.Output);
    }

    [SharedDataFact]
    public async Task A_bad_row_is_reported_with_its_line_number_and_reason()
    {
        var shop = NewShop("""
            product_id,name,price,category,image
            MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
            MISSING-1,Ghost product,10,Men/Tops,images/missing.jpg
            """);

        // Given the folder: its one manifest is found.
        var result = await CliRun.RunAsync("ingest-catalog", shop, "--data", Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 ingested", result.Output);
        Assert.Contains("1 row error(s)", result.Output);
        var row = Assert.Single(result.Output.Split('\n'), l => l.Contains("not in the catalog bucket"));
        Assert.Matches(@"│\s*3\s*│", row);
    }

    [SharedDataFact]
    public async Task Reindex_applies_the_buckets_manifests_again_and_removes_what_only_a_deleted_manifest_listed()
    {
        var shop = NewShop("""
            product_id,name,price,category,image
            MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
            """);
        File.WriteAllText(Path.Combine(shop, "bags.csv"), """
            product_id,name,price,category,image
            WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
            """);
        Assert.Equal(0, (await CliRun.RunAsync("ingest-catalog", Path.Combine(shop, "manifest.csv"), "--data", Data)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("ingest-catalog", Path.Combine(shop, "bags.csv"), "--data", Data)).ExitCode);
        File.Delete(Path.Combine(Data, "buckets", "catalog", "shop", "bags.csv"));

        var result = await CliRun.RunAsync("reindex", "--data", Data);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 manifest(s) applied again; 1 product(s) removed because no manifest in the bucket lists them", result.Output);
        Assert.Contains("removed WB01-Black", result.Output);
        Assert.Contains("catalog shop/manifest.csv: Completed, 1 ingested, 0 failed, 0 row error(s)", result.Output);
    }

    [Fact]
    public async Task A_folder_with_two_manifests_is_refused_before_anything_starts()
    {
        var shop = Path.Combine(folder, "shop");
        Directory.CreateDirectory(shop);
        File.WriteAllText(Path.Combine(shop, "a.csv"), "product_id,name,price,category,image\n");
        File.WriteAllText(Path.Combine(shop, "b.csv"), "product_id,name,price,category,image\n");

        var result = await CliRun.RunAsync("ingest-catalog", shop, "--data", Data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("2 manifests", result.Output);
        Assert.False(Directory.Exists(Data));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
