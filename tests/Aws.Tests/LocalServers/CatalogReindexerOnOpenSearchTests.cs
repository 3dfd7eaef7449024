using Amazon.Runtime;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Aws.Tests.Replay;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>The real reindexer and OpenSearch adapter, against the OpenSearch stand-in, on MassTransit's
/// in-memory test bus: what the rebuild knows at the moment each batch is published.</summary>
public sealed class CatalogReindexerOnOpenSearchTests
{
    [Fact]
    public async Task The_rebuild_records_every_batch_before_the_first_is_published_and_gone_manifests_are_released_from_the_serving_version()
    {
        await using var server = await OpenSearchStandIn.StartAsync();
        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("test", "test"), BackoffBase = TimeSpan.FromMilliseconds(10) };
        options.Endpoints["es"] = server.Endpoint;
        var index = new OpenSearchProductIndex(new SignedAwsHttpClient(new HttpClient(), options, NullLogger<SignedAwsHttpClient>.Instance),
            options.Service("es"), new OpenSearchIndexOptions(), new MatchingOptions());
        var view = new float[OpenSearchProductIndex.AppearanceDimensions];
        view[0] = 1;
        await index.UpsertAsync(new IndexedProductImage("tee", "shop/a.csv", "h-tee", ItemKind.Upper, new ItemDescriptor(view, new float[ColourDescriptor.Bins])), default);
        await index.UpsertAsync(new IndexedProductImage("scarf", "shop/gone.csv", "h-scarf", ItemKind.Upper, new ItemDescriptor(view, new float[ColourDescriptor.Bins])), default);
        var store = new MemoryObjectStore();
        store.Put(Buckets.Catalog, "shop/a.csv", "product_id,name,price,category,image\n"u8.ToArray());
        store.Put(Buckets.Catalog, "shop/b.csv", "product_id,name,price,category,image\n"u8.ToArray());
        store.Put(Buckets.Catalog, "shop/tee.jpg");

        await using var provider = new ServiceCollection().AddMassTransitTestHarness(_ => { }).BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var published = new PendingAtPublish(server);
        harness.Bus.ConnectPublishObserver(published);
        var catalog = new DeletedProducts();

        var started = await new CatalogReindexer(store, index, catalog, harness.Bus, index).StartAsync(default);

        var batches = started.Batches.Select(b => b.BatchId.ToString("N")).Order().ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal(batches, published.Batches.Order());
        Assert.All(published.PendingThen, pending => Assert.Equal(batches, pending.Order()));
        Assert.Equal(["scarf"], started.Released);
        Assert.Equal(["scarf"], catalog.Deleted);
        Assert.Equal(["tee"], server.Documents("products").Select(d => (string)d["productId"]!));
        Assert.Equal(["products-v2"], server.IndexesBehind("products-building"));
    }

    /// <summary>At each publish, before it leaves: the batch and the pending batches the building version holds.</summary>
    sealed class PendingAtPublish(OpenSearchStandIn server) : IPublishObserver
    {
        public List<string> Batches { get; } = [];
        public List<List<string>> PendingThen { get; } = [];

        public Task PrePublish<T>(PublishContext<T> context) where T : class
        {
            if (context.Message is CatalogManifestCreated created)
            {
                Batches.Add(created.BatchId.ToString("N"));
                PendingThen.Add(server.Documents("products-building").Where(d => d.ContainsKey("pendingBatches"))
                    .SelectMany(d => d["pendingBatches"]!.AsArray().Select(b => (string)b!)).ToList());
            }
            return Task.CompletedTask;
        }

        public Task PostPublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    sealed class DeletedProducts : IProductCatalog
    {
        public List<string> Deleted { get; } = [];

        public Task DeleteAsync(string productId, CancellationToken cancellationToken)
        {
            Deleted.Add(productId);
            return Task.CompletedTask;
        }

        public Task UpsertAsync(CatalogProduct product, string imageContentHash, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CatalogEntry?> FindAsync(string productId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<CatalogPage> ListAsync(int offset, int limit, ProductFilter filter, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
