using System.Text;
using Amazon.S3;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Storage;

/// <summary>The <see cref="IObjectStore"/> promises, kept by <see cref="S3ObjectStore"/> against a real
/// S3 server (fauxqs).</summary>
public class S3ObjectStoreTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    [Fact]
    public async Task A_small_object_reads_back_as_written_and_lands_in_the_mapped_bucket()
    {
        var (store, options) = await s3.NewStoreAsync();
        var content = Encoding.UTF8.GetBytes("{\"products\":[\"jacket\"]}");

        await store.WriteAsync(Buckets.Output, "videos/v1/metadata.json", new MemoryStream(content));

        await using (var read = await store.OpenReadAsync(Buckets.Output, "videos/v1/metadata.json"))
        {
            var copy = new MemoryStream();
            await read.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
        }
        var stored = await s3.Client.GetObjectMetadataAsync(options.BucketNames[Buckets.Output], "videos/v1/metadata.json");
        Assert.Equal(content.Length, stored.ContentLength);
        Assert.False(await store.ExistsAsync(Buckets.Videos, "videos/v1/metadata.json"));
    }

    [Fact]
    public async Task An_empty_object_is_an_object()
    {
        var (store, _) = await s3.NewStoreAsync();

        await store.WriteAsync(Buckets.Catalog, "empty.json", new MemoryStream());

        Assert.True(await store.ExistsAsync(Buckets.Catalog, "empty.json"));
        await using var read = await store.OpenReadAsync(Buckets.Catalog, "empty.json");
        Assert.Equal(-1, read.ReadByte());
    }

    [Fact]
    public async Task Writing_again_replaces_the_object_whole()
    {
        var (store, _) = await s3.NewStoreAsync();
        await store.WriteAsync(Buckets.Output, "a.json", new MemoryStream("first, and longer"u8.ToArray()));

        await store.WriteAsync(Buckets.Output, "a.json", new MemoryStream("second"u8.ToArray()));

        await using var read = await store.OpenReadAsync(Buckets.Output, "a.json");
        Assert.Equal("second", await new StreamReader(read).ReadToEndAsync());
    }

    [Fact]
    public async Task Reading_a_missing_object_throws_what_callers_treat_as_gone()
    {
        var (store, _) = await s3.NewStoreAsync();

        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(Buckets.Videos, "nothing.mp4"));
        Assert.Equal("nothing.mp4", missing.FileName);
    }

    [Fact]
    public async Task Exists_and_delete_follow_the_object()
    {
        var (store, _) = await s3.NewStoreAsync();
        Assert.False(await store.ExistsAsync(Buckets.Videos, "clips/a.mp4"));

        await store.WriteAsync(Buckets.Videos, "clips/a.mp4", new MemoryStream([1, 2, 3]));
        Assert.True(await store.ExistsAsync(Buckets.Videos, "clips/a.mp4"));

        await store.DeleteAsync(Buckets.Videos, "clips/a.mp4");
        Assert.False(await store.ExistsAsync(Buckets.Videos, "clips/a.mp4"));
        // Deleting what is already gone is not an error, as for the folder store.
        await store.DeleteAsync(Buckets.Videos, "clips/a.mp4");
    }

    [Fact]
    public async Task Listing_pages_through_more_keys_than_one_page_holds_in_ordinal_order()
    {
        var (store, _) = await s3.NewStoreAsync(listPageSize: 3);
        var keys = Enumerable.Range(0, 11).Select(i => $"frames/v1/{i:D3}.bgr").Append("frames/v1/A.bgr").ToList();
        foreach (var key in keys.Append("frames/v2/000.bgr").Append("other.json"))
            await store.WriteAsync(Buckets.Output, key, new MemoryStream([7]));

        var listed = await store.ListAsync(Buckets.Output, "frames/v1/").ToListAsync();

        Assert.Equal(keys.Order(StringComparer.Ordinal), listed);
        Assert.Equal(14, await store.ListAsync(Buckets.Output, "").CountAsync());
        Assert.Equal(["frames/v2/000.bgr"], await store.ListAsync(Buckets.Output, "frames/v2").ToListAsync());
        Assert.Empty(await store.ListAsync(Buckets.Output, "nothing/").ToListAsync());
    }

    [Theory]
    [InlineData("../videos/secret.mp4")]
    [InlineData("a/../b.mp4")]
    [InlineData("/absolute.mp4")]
    [InlineData("back\\slash.mp4")]
    [InlineData("")]
    public async Task Invalid_keys_are_refused_before_any_request(string key)
    {
        // Nothing listens at this address: a request that went out would fail as a connection error.
        var options = new S3StorageOptions
        {
            BucketNames = Buckets.All.ToDictionary(b => b, b => b),
            ServiceUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}"),
        };
        using var client = S3StorageRegistration.CreateClient(options, FauxqsS3.Credentials);
        var store = new S3ObjectStore(client, options);
        var content = new GeneratedStream(10);

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.WriteAsync(Buckets.Videos, key, content));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.OpenReadAsync(Buckets.Videos, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.ExistsAsync(Buckets.Videos, key));
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.DeleteAsync(Buckets.Videos, key));
        Assert.Throws<InvalidObjectKeyException>(() => store.GetMediaLocation(Buckets.Videos, key));
        Assert.Equal(0, content.BytesRead);
    }

    [Fact]
    public async Task A_prefix_that_climbs_out_of_its_bucket_is_refused()
    {
        var (store, _) = await s3.NewStoreAsync();

        await Assert.ThrowsAsync<InvalidObjectKeyException>(async () => await store.ListAsync(Buckets.Output, "../videos/").ToListAsync());
    }

    [Fact]
    public async Task An_unknown_logical_bucket_is_refused_and_a_missing_physical_bucket_is_not_taken_for_a_missing_object()
    {
        var (store, _) = await s3.NewStoreAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync("photos", "a.jpg"));

        var unmade = new S3ObjectStore(s3.Client, s3.Options(Buckets.All.ToDictionary(b => b, b => $"sv-never-made-{b}")));
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => unmade.OpenReadAsync(Buckets.Videos, "a.mp4"));
        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public void Options_without_every_bucket_or_with_parts_under_five_MiB_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new S3StorageOptions
        {
            BucketNames = new Dictionary<string, string> { [Buckets.Videos] = "v" },
        }.Validated());
        Assert.Throws<ArgumentException>(() => new S3StorageOptions
        {
            BucketNames = Buckets.All.ToDictionary(b => b, b => b),
            PartSize = S3StorageOptions.MinimumPartSize - 1,
        }.Validated());
    }
}
