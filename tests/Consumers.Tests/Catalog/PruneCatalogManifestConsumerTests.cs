using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Matching;
using ShoppableVideo.Messages;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.Tests.Catalog;

/// <summary>The prune step against a real folder bucket, SQLite index and product catalog: it follows the
/// manifest the bucket holds now, not the version the batch read.</summary>
public sealed class PruneCatalogManifestConsumerTests : IAsyncDisposable
{
    const string Key = "shop/manifest.csv";

    readonly string _root = Path.Combine(Path.GetTempPath(), $"sv-prune-{Guid.NewGuid():N}");
    readonly ServiceProvider _provider;
    readonly ITestHarness _harness;

    public PruneCatalogManifestConsumerTests()
    {
        var store = new FolderObjectStore(Path.Combine(_root, "buckets"));
        _provider = new ServiceCollection()
            .AddSingleton<IObjectStore>(store)
            .AddSingleton<IProductCatalog, FolderProductCatalog>()
            .AddSqliteProductIndex(_ => { })
            .AddSqliteDatabase(Path.Combine(_root, "shoppable.db"))
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<PruneCatalogManifestConsumer>();
                // Setting up the index takes longer than the default 1.2 s of bus idleness on a loaded machine,
                // and an idle harness ends every wait on its published list, so only the test timeout ends one.
                x.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(1), testInactivityTimeout: TimeSpan.FromMinutes(1));
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
    }

    IObjectStore Store => _provider.GetRequiredService<IObjectStore>();
    IProductIndex Index => _provider.GetRequiredService<IProductIndex>();
    IProductCatalog Catalog => _provider.GetRequiredService<IProductCatalog>();

    [Fact]
    public async Task An_older_version_that_finishes_after_a_newer_one_prunes_nothing_and_hands_over_to_the_current_manifest()
    {
        await _harness.Start();
        var v1 = await WriteManifestAsync("p1", "p2");
        // v2 replaced it and finished first: p3 is new, p2 is gone.
        var v2 = await WriteManifestAsync("p1", "p3");
        await IndexAsync("p1", "p3");

        var late = new PruneCatalogManifest(Guid.NewGuid(), v1, ["p1", "p2"]);
        await _harness.Bus.Publish(late);
        var pruned = await PublishedAsync<CatalogManifestPruned>(late.BatchId, m => m.BatchId);

        Assert.Empty(pruned.Removed);
        Assert.NotNull(await Index.FindContentHashAsync("p3", default));
        var successor = await PublishedAsync<CatalogManifestCreated>(pruned.SupersededBy!.Value, m => m.BatchId);
        Assert.True(successor.Manifest.HoldsSameContentAs(v2));
        Assert.Equal(successor.BatchId, ObjectEvents.SagaIdFor(successor.Manifest));

        // A redelivered prune of the same stale batch names the same successor, so it starts once.
        await _harness.Bus.Publish(late);
        var again = await PublishedAsync<CatalogManifestPruned>(late.BatchId, m => m.BatchId, skip: 1);
        Assert.Equal(pruned.SupersededBy, again.SupersededBy);
    }

    [Fact]
    public async Task The_current_version_releases_what_it_dropped_and_a_product_another_manifest_lists_stays()
    {
        await _harness.Start();
        await IndexAsync("p1", "p2", "p4");
        await Index.ClaimAsync("p2", "shop/other.csv", default);
        var current = await WriteManifestAsync("p1");

        var prune = new PruneCatalogManifest(Guid.NewGuid(), current, ["p1"]);
        await _harness.Bus.Publish(prune);
        var pruned = await PublishedAsync<CatalogManifestPruned>(prune.BatchId, m => m.BatchId);

        Assert.Null(pruned.SupersededBy);
        Assert.Equal(["p2", "p4"], pruned.Removed);
        Assert.NotNull(await Index.FindContentHashAsync("p2", default));
        Assert.NotNull(await Catalog.FindAsync("p2", default));
        Assert.Equal(["p2"], await Index.ListFromSourceAsync("shop/other.csv", default));
        Assert.Null(await Index.FindContentHashAsync("p4", default));
        Assert.Null(await Catalog.FindAsync("p4", default));
        Assert.Equal(["p1"], await Index.ListFromSourceAsync(Key, default));
    }

    [Fact]
    public async Task A_manifest_deleted_from_the_bucket_before_its_batch_finished_prunes_nothing_and_hands_over_to_nothing()
    {
        await _harness.Start();
        var gone = await WriteManifestAsync("p1");
        await IndexAsync("p1", "p2");
        await Store.DeleteAsync(Buckets.Catalog, Key);

        var prune = new PruneCatalogManifest(Guid.NewGuid(), gone, ["p1"]);
        await _harness.Bus.Publish(prune);
        var pruned = await PublishedAsync<CatalogManifestPruned>(prune.BatchId, m => m.BatchId);

        Assert.Equal(([], (Guid?)null), (pruned.Removed, pruned.SupersededBy));
        Assert.NotNull(await Index.FindContentHashAsync("p2", default));
    }

    async Task<StoredObject> WriteManifestAsync(params string[] productIds)
    {
        var csv = "product_id,name,price,category,image\n" + string.Concat(productIds.Select(p => $"{p},{p},1,Women/Tops,images/{p}.jpg\n"));
        await Store.WriteAsync(Buckets.Catalog, Key, new MemoryStream(Encoding.UTF8.GetBytes(csv)));
        return (await Store.IdentifyAsync(Buckets.Catalog, Key))!;
    }

    async Task IndexAsync(params string[] productIds)
    {
        foreach (var (productId, i) in productIds.Select((p, i) => (p, i)))
        {
            await Index.UpsertAsync(new IndexedProductImage(productId, Key, $"h-{productId}", ItemKind.Upper,
                TestVectors.Descriptor(TestVectors.Random(200 + i))), default);
            await Catalog.UpsertAsync(new CatalogProduct(i + 2, productId, productId, 1, "Women/Tops", $"shop/images/{productId}.jpg", null),
                $"h-{productId}", default);
        }
    }

    async Task<T> PublishedAsync<T>(Guid id, Func<T, Guid> idOf, int skip = 0) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = 0;
        await foreach (var message in _harness.Published.SelectAsync<T>(m => idOf(m.Context.Message) == id, timeout.Token))
            if (seen++ == skip)
                return message.Context.Message;
        throw new TimeoutException($"No {typeof(T).Name} for {id}.");
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}
