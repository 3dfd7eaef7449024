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
        File.WriteAllBytes(Path.Combine(catalog, "images", "corrupt.jpg"), WithImpossibleHuffmanTables(File.ReadAllBytes(Path.Combine(luma, "mh01-black_main.jpg"))));
        File.WriteAllBytes(Path.Combine(catalog, "images", "bomb.png"), PngBomb.Declaring(100_000, 100_000));
        // Catalog photos are progressive JPEGs: a quarter of one is a few early scans, which Skia alone would
        // decode to a blur and call a success; with its end marker put back it still lacks the later scans.
        var photo = File.ReadAllBytes(Path.Combine(luma, "mh01-black_main.jpg"));
        File.WriteAllBytes(Path.Combine(catalog, "images", "cut.jpg"), photo[..(photo.Length / 4)]);
        File.WriteAllBytes(Path.Combine(catalog, "images", "patched.jpg"), [.. photo[..(photo.Length / 4)], 0xFF, 0xD9]);
        File.WriteAllBytes(Path.Combine(catalog, "images", "empty.jpg"), []);
        // A red garment on white, in Photoshop's CMYK: it decodes to its colours and is ingested.
        File.WriteAllBytes(Path.Combine(catalog, "images", "cmyk.jpg"), CmykJpeg.Create(32, 40, (x, y) =>
            x is >= 8 and < 24 && y is >= 6 and < 34 ? ((byte)0, (byte)230, (byte)210, (byte)20) : ((byte)0, (byte)0, (byte)0, (byte)0)));

        var staged = Path.Combine(host.Data.Root, "manifest.csv");
        File.WriteAllText(staged, """
            product_id,name,price,category,image
            MH01-Black,Chaz Kangeroo Hoodie,52,Men/Tops/Hoodies,images/mh01-black.jpg
            WB01-Black,Endeavor Daytrip Backpack,33,Gear/Bags,images/wb01-black.jpg
            MISSING-1,Ghost product,10,Men/Tops,images/missing.jpg
            FAKE-1,Text pretending,10,Men/Tops,images/fake.jpg
            ,No id,10,Men/Tops,images/mh01-black.jpg
            CORRUPT-1,Damaged photo,10,Men/Tops,images/corrupt.jpg
            BOMB-1,Image bomb,10,Men/Tops,images/bomb.png
            CUT-1,Cut-off upload,10,Men/Tops,images/cut.jpg
            PATCHED-1,Cut-off with its end marker,10,Men/Tops,images/patched.jpg
            EMPTY-1,Zero bytes,10,Men/Tops,images/empty.jpg
            CMYK-1,Print-ready shirt,10,Men/Tops,images/cmyk.jpg
            """);
        File.Move(staged, Path.Combine(catalog, "manifest.csv"));

        var batch = await WaitForBatch(host, TimeSpan.FromMinutes(1));

        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(10, batch.Products);
        Assert.Equal(3, batch.Ingested);
        Assert.Equal(7, batch.Failed);
        Assert.Equal([4, 5, 6, 7, 8, 9, 10, 11], batch.Errors.Select(e => e.Line));
        Assert.Contains("not in the catalog bucket", batch.Errors[0].Reason);
        Assert.StartsWith("FAKE-1: Decode failed: 'shop/images/fake.jpg' is not an image (unknown format", batch.Errors[1].Reason);
        Assert.Contains("product_id", batch.Errors[2].Reason);
        Assert.Equal("CORRUPT-1: Decode failed: image 'shop/images/corrupt.jpg' does not decode: corrupt JPEG: the decoder refused the image data", batch.Errors[3].Reason);
        Assert.Equal("BOMB-1: Decode failed: image 'shop/images/bomb.png' declares 100000x100000 pixels, over the limit of 40000000 pixels", batch.Errors[4].Reason);
        Assert.Equal("CUT-1: Decode failed: image 'shop/images/cut.jpg' does not decode: truncated JPEG: no end-of-image marker (FFD9)", batch.Errors[5].Reason);
        Assert.StartsWith("PATCHED-1: Decode failed: image 'shop/images/patched.jpg' does not decode: truncated JPEG: its scans stop before component 1 is complete", batch.Errors[6].Reason);
        Assert.Equal("EMPTY-1: Decode failed: 'shop/images/empty.jpg' is not an image (the file is empty)", batch.Errors[7].Reason);
        var products = Path.Combine(host.Data.BucketsRoot, "output", "catalog", "products");
        Assert.True(File.Exists(Path.Combine(products, "MH01-Black.json")));
        Assert.True(File.Exists(Path.Combine(products, "WB01-Black.json")));
        Assert.True(File.Exists(Path.Combine(products, "CMYK-1.json")));
        Assert.False(File.Exists(Path.Combine(products, "FAKE-1.json")));
        Assert.False(File.Exists(Path.Combine(products, "CORRUPT-1.json")));
        Assert.False(File.Exists(Path.Combine(products, "BOMB-1.json")));
    }

    // Header and end marker intact, so only a decoder can tell: the scan header names Huffman tables 5,
    // which cannot exist.
    static byte[] WithImpossibleHuffmanTables(byte[] jpeg)
    {
        var scan = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA]);
        for (var component = 0; component < jpeg[scan + 4]; component++)
            jpeg[scan + 6 + 2 * component] = 0x55;
        return jpeg;
    }

    static Task<CatalogBatchStatus> WaitForBatch(EmbeddedHost host, TimeSpan timeout) =>
        Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => b.Status.State is "Completed" or "Failed"), timeout);
}
