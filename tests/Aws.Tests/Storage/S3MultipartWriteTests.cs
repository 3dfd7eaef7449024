using Amazon.S3;
using Amazon.S3.Model;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Storage;

/// <summary>Large writes go up part by part, never whole in memory, and a failed one leaves nothing.</summary>
public class S3MultipartWriteTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    const int PartSize = S3StorageOptions.MinimumPartSize;
    const long FortyMiB = 40L * 1024 * 1024;

    [Fact]
    public async Task A_forty_MiB_stream_of_unknown_length_goes_up_in_parts_of_one_buffer_and_reads_back_equal()
    {
        var (store, options) = await s3.NewStoreAsync(partSize: PartSize);
        var source = new GeneratedStream(FortyMiB);

        await store.WriteAsync(Buckets.Videos, "big/forty.mp4", source);

        // The store never asked the source for more than one part at a time: it had no room for more.
        Assert.Equal(FortyMiB, source.BytesRead);
        Assert.InRange(source.LargestReadRequested, 1, PartSize);
        // A multipart object's ETag ends in "-{number of parts}": 40 MiB in 5 MiB parts is 8.
        var stored = await s3.Client.GetObjectMetadataAsync(options.BucketNames[Buckets.Videos], "big/forty.mp4");
        Assert.EndsWith("-8\"", stored.ETag);
        Assert.Equal(FortyMiB, stored.ContentLength);
        await using var read = await store.OpenReadAsync(Buckets.Videos, "big/forty.mp4");
        Assert.Equal(await ContentHash.OfAsync(new GeneratedStream(FortyMiB)), await ContentHash.OfAsync(read));
    }

    [Fact]
    public async Task A_stream_that_ends_on_a_part_boundary_is_stored_whole()
    {
        var (store, options) = await s3.NewStoreAsync(partSize: PartSize);

        await store.WriteAsync(Buckets.Videos, "two-parts.mp4", new GeneratedStream(2L * PartSize));

        var stored = await s3.Client.GetObjectMetadataAsync(options.BucketNames[Buckets.Videos], "two-parts.mp4");
        Assert.Equal(2L * PartSize, stored.ContentLength);
        Assert.EndsWith("-2\"", stored.ETag);
    }

    [Fact]
    public async Task Content_under_one_part_goes_up_as_a_single_object()
    {
        var (store, options) = await s3.NewStoreAsync(partSize: PartSize);

        await store.WriteAsync(Buckets.Videos, "small.mp4", new GeneratedStream(PartSize - 1));

        var stored = await s3.Client.GetObjectMetadataAsync(options.BucketNames[Buckets.Videos], "small.mp4");
        Assert.Equal(PartSize - 1, stored.ContentLength);
        Assert.DoesNotContain("-", stored.ETag);
    }

    [Fact]
    public async Task A_source_that_breaks_off_halfway_leaves_no_object_and_no_upload_behind()
    {
        var (store, options) = await s3.NewStoreAsync(partSize: PartSize);
        var bucketName = options.BucketNames[Buckets.Videos];
        var source = new GeneratedStream(FortyMiB, failAfter: FortyMiB / 2);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(Buckets.Videos, "broken.mp4", source));

        Assert.True(source.BytesRead > PartSize, "parts had already gone up when the source broke off");
        Assert.False(await store.ExistsAsync(Buckets.Videos, "broken.mp4"));
        Assert.Empty(await store.ListAsync(Buckets.Videos, "").ToListAsync());
        // fauxqs has no ListMultipartUploads, but it refuses to delete a bucket that still holds an
        // upload in progress (as S3 keeps its parts): an empty bucket that deletes held none.
        await s3.Client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucketName });
    }

    [Fact]
    public async Task A_write_that_fails_before_completing_keeps_the_earlier_object()
    {
        var (store, _) = await s3.NewStoreAsync(partSize: PartSize);
        await store.WriteAsync(Buckets.Videos, "v.mp4", new MemoryStream([1, 2, 3]));

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(Buckets.Videos, "v.mp4", new GeneratedStream(FortyMiB, failAfter: 3L * PartSize)));

        await using var read = await store.OpenReadAsync(Buckets.Videos, "v.mp4");
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal([1, 2, 3], copy.ToArray());
    }

    [Fact]
    public async Task Deleting_a_bucket_with_an_upload_in_progress_is_refused_so_the_check_above_can_fail()
    {
        var (_, options) = await s3.NewStoreAsync();
        var bucketName = options.BucketNames[Buckets.Output];

        await s3.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucketName, Key = "left.mp4" });

        var refused = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.Client.DeleteBucketAsync(new DeleteBucketRequest { BucketName = bucketName }));
        Assert.Equal("BucketNotEmpty", refused.ErrorCode);
    }
}
