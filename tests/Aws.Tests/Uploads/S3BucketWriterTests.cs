using Amazon.S3.Model;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Aws.Tests.Storage;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Uploads;

/// <summary><see cref="S3BucketWriter"/> against a real S3 server (fauxqs): uploads land whole, are never
/// replaced, and are announced as the bucket's own object event would announce them.</summary>
public class S3BucketWriterTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    [Fact]
    public async Task A_free_key_takes_the_upload_and_names_the_saga_the_s3_event_for_it_will_name()
    {
        var (store, options) = await s3.NewStoreAsync();
        var writer = new S3BucketWriter(store);
        var content = RandomBytes(1000);
        using var staged = await Staged.Bytes(content);

        var placement = await writer.PlaceAsync(staged, Buckets.Videos, "uploads/clip.mp4", CancellationToken.None);

        Assert.Equal(BucketPlacement.Stored, placement.Outcome);
        Assert.Equal(content, await ReadAsync(options.BucketNames[Buckets.Videos], "uploads/clip.mp4"));
        var fromEvent = await AsTheS3EventAnnouncesAsync(options, "uploads/clip.mp4");
        Assert.Equal(fromEvent, placement.Object);
        Assert.Equal(ObjectEvents.SagaIdFor(fromEvent), ObjectEvents.SagaIdFor(placement.Object!));
    }

    [Fact]
    public async Task An_upload_over_one_part_goes_up_in_parts_and_is_identified_by_its_multipart_etag()
    {
        var (store, options) = await s3.NewStoreAsync();
        var content = RandomBytes(S3StorageOptions.MinimumPartSize + 12345);
        using var staged = await Staged.Bytes(content);

        var placement = await new S3BucketWriter(store).PlaceAsync(staged, Buckets.Catalog, "summer/big.jpg", CancellationToken.None);

        Assert.Equal(BucketPlacement.Stored, placement.Outcome);
        Assert.Equal(content, await ReadAsync(options.BucketNames[Buckets.Catalog], "summer/big.jpg"));
        Assert.Equal(await AsTheS3EventAnnouncesAsync(options, "summer/big.jpg", Buckets.Catalog), placement.Object);
    }

    [Fact]
    public async Task The_same_bytes_again_are_accepted_as_stored_and_different_bytes_are_refused_without_touching_the_object()
    {
        var (store, options) = await s3.NewStoreAsync();
        var writer = new S3BucketWriter(store);
        var content = RandomBytes(2000);
        using var first = await Staged.Bytes(content);
        var stored = await writer.PlaceAsync(first, Buckets.Videos, "uploads/clip.mp4", CancellationToken.None);

        using var again = await Staged.Bytes(content);
        var repeated = await writer.PlaceAsync(again, Buckets.Videos, "uploads/clip.mp4", CancellationToken.None);
        using var other = await Staged.Bytes(RandomBytes(2000));
        var refused = await writer.PlaceAsync(other, Buckets.Videos, "uploads/clip.mp4", CancellationToken.None);

        Assert.Equal(new Placement(BucketPlacement.AlreadyStored, stored.Object), repeated);
        Assert.Equal(Placement.KeyTaken, refused);
        Assert.Equal(BucketPlacement.KeyTaken, await writer.ProbeAsync(other, Buckets.Videos, "uploads/clip.mp4", CancellationToken.None));
        Assert.Equal(content, await ReadAsync(options.BucketNames[Buckets.Videos], "uploads/clip.mp4"));
    }

    [Fact]
    public async Task An_object_put_into_s3_another_way_is_judged_by_reading_its_bytes()
    {
        var (store, options) = await s3.NewStoreAsync();
        var writer = new S3BucketWriter(store);
        var content = RandomBytes(3000);
        // As a presigned PUT or the console would put it: no content hash recorded beside it.
        await s3.Client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.BucketNames[Buckets.Videos], Key = "uploads/direct.mp4", InputStream = new MemoryStream(content),
        });

        using var same = await Staged.Bytes(content);
        using var sameSizeOtherBytes = await Staged.Bytes(RandomBytes(3000));

        Assert.Equal(BucketPlacement.AlreadyStored, (await writer.PlaceAsync(same, Buckets.Videos, "uploads/direct.mp4", CancellationToken.None)).Outcome);
        Assert.Equal(BucketPlacement.KeyTaken, (await writer.PlaceAsync(sameSizeOtherBytes, Buckets.Videos, "uploads/direct.mp4", CancellationToken.None)).Outcome);
        Assert.Equal(content, await ReadAsync(options.BucketNames[Buckets.Videos], "uploads/direct.mp4"));
    }

    [Fact]
    public async Task Removing_takes_back_a_placed_object()
    {
        var (store, _) = await s3.NewStoreAsync();
        var writer = new S3BucketWriter(store);
        using var staged = await Staged.Bytes(RandomBytes(10));
        await writer.PlaceAsync(staged, Buckets.Catalog, "summer/a.jpg", CancellationToken.None);

        await writer.RemoveAsync(Buckets.Catalog, "summer/a.jpg", CancellationToken.None);

        Assert.False(await store.ExistsAsync(Buckets.Catalog, "summer/a.jpg"));
    }

    /// <summary>Why the writer looks before it writes: fauxqs 2.4.1 ignores <c>If-None-Match: *</c> on a
    /// PUT and replaces the object (S3 refuses with 412). If this starts failing, fauxqs honours the
    /// condition, and the race the writer documents is closed here too.</summary>
    [Fact]
    public async Task Fauxqs_ignores_the_conditional_write_and_replaces_the_object()
    {
        var (store, options) = await s3.NewStoreAsync();
        await store.WriteAsync(Buckets.Videos, "uploads/clip.mp4", new MemoryStream([1, 2, 3]));

        var created = await store.CreateAsync(Buckets.Videos, "uploads/clip.mp4", new MemoryStream([4, 5, 6]), "sha256:whatever");

        Assert.NotNull(created);
        Assert.Equal([4, 5, 6], await ReadAsync(options.BucketNames[Buckets.Videos], "uploads/clip.mp4"));
    }

    /// <summary>The object as intake sees it: an ObjectCreated record carries the size and the ETag.</summary>
    async Task<ShoppableVideo.Messages.StoredObject> AsTheS3EventAnnouncesAsync(S3StorageOptions options, string key, string bucket = Buckets.Videos)
    {
        var head = await s3.Client.GetObjectMetadataAsync(options.BucketNames[bucket], key);
        var record = new S3ObjectRecord("ObjectCreated:Put", options.BucketNames[bucket], key, head.ContentLength, head.ETag.Trim('"'));
        return S3ObjectEvents.ToStoredObject(record, new Dictionary<string, string> { [options.BucketNames[bucket]] = bucket })!;
    }

    async Task<byte[]> ReadAsync(string bucketName, string key)
    {
        using var response = await s3.Client.GetObjectAsync(bucketName, key);
        var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy);
        return copy.ToArray();
    }

    static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
