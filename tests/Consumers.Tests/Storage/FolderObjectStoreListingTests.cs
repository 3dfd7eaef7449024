using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Consumers.Tests.Storage;

public class FolderObjectStoreListingTests
{
    [Fact]
    public async Task Listing_gives_the_keys_under_a_prefix_in_ordinal_order_and_skips_writes_in_progress()
    {
        using var temp = new TempStore();
        foreach (var key in new[] { "catalog/products/b.json", "catalog/products/A.json", "catalog/products/a.json", "catalog/other.json", "videos/x.json" })
            await temp.Store.WriteAsync(Buckets.Output, key, new MemoryStream([1]));
        var folder = Path.Combine(temp.Store.BucketPath(Buckets.Output), "catalog", "products");
        File.WriteAllText(Path.Combine(folder, $"c.json.{Guid.NewGuid():N}.partial"), "half");

        Assert.Equal(["catalog/products/A.json", "catalog/products/a.json", "catalog/products/b.json"],
            await temp.Store.ListAsync(Buckets.Output, "catalog/products/").ToListAsync());
        Assert.Equal(["catalog/other.json", "catalog/products/A.json", "catalog/products/a.json", "catalog/products/b.json"],
            await temp.Store.ListAsync(Buckets.Output, "catalog/").ToListAsync());
        Assert.Equal(["catalog/other.json"], await temp.Store.ListAsync(Buckets.Output, "catalog/o").ToListAsync());
        Assert.Equal(5, await temp.Store.ListAsync(Buckets.Output, "").CountAsync());
        Assert.Empty(await temp.Store.ListAsync(Buckets.Output, "nothing/here/").ToListAsync());
    }

    [Fact]
    public async Task A_prefix_that_climbs_out_of_its_bucket_is_refused()
    {
        using var temp = new TempStore();
        await Assert.ThrowsAsync<InvalidObjectKeyException>(async () => await temp.Store.ListAsync(Buckets.Output, "../videos/").ToListAsync());
    }
}
