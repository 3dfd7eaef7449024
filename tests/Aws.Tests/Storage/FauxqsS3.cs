using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Aws.Tests.Storage;

/// <summary>A real fauxqs for the storage tests, and S3 clients to it. Each store gets its own three
/// buckets under fresh names, so tests sharing the server never see each other's objects.</summary>
public sealed class FauxqsS3 : IAsyncLifetime
{
    FauxqsServer? server;

    public FauxqsServer Server => server ?? throw new InvalidOperationException("fauxqs has not started");

    // fauxqs checks no signature, but the SDK signs every request and needs some credentials to do it.
    public static readonly AWSCredentials Credentials = new BasicAWSCredentials("test", "test");

    public IAmazonS3 Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server = await FauxqsServer.StartAsync();
        Client = S3StorageRegistration.CreateClient(Options(new Dictionary<string, string>()), Credentials);
    }

    public S3StorageOptions Options(IReadOnlyDictionary<string, string> bucketNames,
        int partSize = S3StorageOptions.MinimumPartSize, int listPageSize = 1000) => new()
    {
        BucketNames = bucketNames,
        ServiceUrl = Server.Endpoint,
        PartSize = partSize,
        ListPageSize = listPageSize,
    };

    /// <summary>Creates the three buckets and a store over them. The part size stays at S3's 5 MiB minimum:
    /// fauxqs 2.4.1 refuses request bodies over 11 MiB, so the 16 MiB default cannot go up to it.</summary>
    public async Task<(S3ObjectStore Store, S3StorageOptions Options)> NewStoreAsync(
        int partSize = S3StorageOptions.MinimumPartSize, int listPageSize = 1000)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var names = Buckets.All.ToDictionary(b => b, b => $"sv-{b}-{run}");
        foreach (var name in names.Values)
            await Client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        var options = Options(names, partSize, listPageSize);
        return (new S3ObjectStore(Client, options), options);
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (server is not null)
            await server.DisposeAsync();
    }
}
