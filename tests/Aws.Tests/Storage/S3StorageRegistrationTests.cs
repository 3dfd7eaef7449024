using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Storage;

public class S3StorageRegistrationTests(FauxqsS3 s3) : IClassFixture<FauxqsS3>
{
    [Fact]
    public async Task The_registered_object_store_reaches_a_local_server_from_its_options_alone()
    {
        var (_, options) = await s3.NewStoreAsync();
        await using var provider = new ServiceCollection()
            .AddS3ObjectStore(options, credentials: FauxqsS3.Credentials)
            .BuildServiceProvider();

        var store = provider.GetRequiredService<IObjectStore>();
        await store.WriteAsync(Buckets.Catalog, "manifest.json", new MemoryStream("{}"u8.ToArray()));

        Assert.IsType<S3ObjectStore>(store);
        Assert.Same(store, provider.GetRequiredService<S3ObjectStore>());
        Assert.Equal(["manifest.json"], await store.ListAsync(Buckets.Catalog, "").ToListAsync());
        Assert.StartsWith("http://127.0.0.1:", store.GetMediaLocation(Buckets.Catalog, "manifest.json"));
    }

    [Fact]
    public void Registration_refuses_options_that_lack_a_bucket()
    {
        var options = new S3StorageOptions { BucketNames = new Dictionary<string, string> { [Buckets.Output] = "out" } };

        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddS3ObjectStore(options));
    }
}
