using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using ShoppableVideo.Consumers.Aws;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>The product index adapter over real HTTP against the OpenSearch stand-in: what the end-to-end
/// tests rely on it answering, and the versions behind its alias through a re-index.</summary>
public sealed class OpenSearchStandInTests : IAsyncLifetime
{
    OpenSearchStandIn server = null!;
    OpenSearchProductIndex index = null!;

    public async Task InitializeAsync()
    {
        server = await OpenSearchStandIn.StartAsync();
        index = NewProcess();
    }

    /// <summary>Another process's adapter: its own client and none of this one's state.</summary>
    OpenSearchProductIndex NewProcess()
    {
        var options = new AwsClientOptions { Credentials = new BasicAWSCredentials("test", "test"), BackoffBase = TimeSpan.FromMilliseconds(10) };
        options.Endpoints["es"] = server.Endpoint;
        var client = new SignedAwsHttpClient(new HttpClient(), options, NullLogger<SignedAwsHttpClient>.Instance);
        return new OpenSearchProductIndex(client, options.Service("es"), new OpenSearchIndexOptions { PageSize = 2 }, new MatchingOptions());
    }

    static float[] Unit(int axis)
    {
        var vector = new float[OpenSearchProductIndex.AppearanceDimensions];
        vector[axis] = 1;
        return vector;
    }

    static ItemDescriptor Descriptor(int axis) => new(Unit(axis), Colour());

    static float[] Colour()
    {
        var colour = new float[ColourDescriptor.Bins];
        colour[0] = 1;
        return colour;
    }

    static IndexedProductImage Upper(string productId, string source, int axis) =>
        new(productId, source, $"h-{productId}-{axis}", ItemKind.Upper, Descriptor(axis));

    async Task<string?> NearestUpperAsync(int axis) =>
        (await index.SearchAsync(ItemKind.Upper, Descriptor(axis), 1, default)).FirstOrDefault()?.ProductId;

    [Fact]
    public async Task Products_are_upserted_searched_by_kind_and_shared_between_manifests_until_the_last_releases_them()
    {
        await index.UpsertAsync(new IndexedProductImage("tee", "a.csv", "h-tee", ItemKind.Upper, Descriptor(1)), default);
        await index.UpsertAsync(new IndexedProductImage("hoodie", "a.csv", "h-hoodie", ItemKind.Upper, Descriptor(2)), default);
        await index.UpsertAsync(new IndexedProductImage("pants", "a.csv", "h-pants", ItemKind.Lower, Descriptor(1)), default);

        var hits = await index.SearchAsync(ItemKind.Upper, Descriptor(2), 2, default);
        Assert.Equal(["hoodie", "tee"], hits.Select(h => h.ProductId));
        Assert.Equal("h-tee", await index.FindContentHashAsync("tee", default));
        Assert.Equal(Unit(1), (await index.FindDescriptorOfPhotoAsync("h-pants", ItemKind.Lower, default))!.Views[0].Appearance);

        Assert.True(await index.ClaimAsync("tee", "b.csv", default));
        Assert.Equal(["a.csv", "b.csv"], await index.ListSourcesAsync(default));
        Assert.Equal(["hoodie", "pants", "tee"], await index.ListFromSourceAsync("a.csv", default));
        Assert.False(await index.ReleaseAsync("tee", "a.csv", default));
        Assert.True(await index.ReleaseAsync("tee", "b.csv", default));
        Assert.Null(await index.FindContentHashAsync("tee", default));
        Assert.Equal(2, server.Documents("products").Count);
        Assert.Equal(["products-v1"], server.IndexesBehind("products"));
    }

    [Fact]
    public async Task Two_processes_starting_at_once_end_with_one_first_version_behind_one_alias()
    {
        var processes = Enumerable.Range(0, 4).Select(_ => NewProcess()).ToList();

        await Task.WhenAll(processes.Select((p, i) => p.UpsertAsync(Upper($"p{i}", "a.csv", i), default)));

        Assert.Equal(["products-v1"], server.Indexes());
        Assert.Equal(["products-v1"], server.IndexesBehind("products"));
        Assert.Equal(4, server.Documents("products-v1").Count);
    }

    [Fact]
    public async Task During_a_rebuild_search_sees_the_whole_old_catalog_and_after_the_last_batch_the_new_version_with_what_was_dropped_meanwhile()
    {
        await index.UpsertAsync(Upper("tee", "a.csv", 1), default);
        await index.UpsertAsync(Upper("hoodie", "a.csv", 2), default);
        await index.UpsertAsync(Upper("scarf", "gone.csv", 3), default);
        Guid[] batches = [Guid.NewGuid(), Guid.NewGuid()];

        // Another worker begins the re-index; this one learns of it from OpenSearch alone.
        await NewProcess().BeginRebuildAsync(batches, default);
        Assert.Equal(["products-v2"], server.IndexesBehind("products-building"));
        // The re-index batch describes the tee's new photo; the hoodie's batch has not run yet.
        await index.UpsertAsync(Upper("tee", "a.csv", 4), default);
        // A drop during the rebuild, outside it: a new manifest with a new product.
        await index.UpsertAsync(Upper("jacket", "c.csv", 5), default);

        Assert.Equal("hoodie", await NearestUpperAsync(2));
        Assert.Equal("scarf", await NearestUpperAsync(3));
        Assert.Equal("tee", await NearestUpperAsync(4)); // every write reaches the serving version too
        Assert.Equal("jacket", await NearestUpperAsync(5));
        Assert.Equal(["products-v1", "products-v2"], server.Indexes());
        Assert.Equal(["jacket", "tee"], server.Documents("products-v2").Where(d => d.ContainsKey("productId")).Select(d => (string)d["productId"]!).Order());
        Assert.Equal(["products-v1"], server.IndexesBehind("products"));

        await index.BatchFinishedAsync(batches[0], completed: true, default);
        Assert.Equal(["products-v1"], server.IndexesBehind("products")); // one batch still pending
        // The hoodie's photo is unchanged: its batch claims it, and the new version gets the serving copy.
        Assert.True(await index.ClaimAsync("hoodie", "a.csv", default));
        await NewProcess().BatchFinishedAsync(batches[1], completed: true, default);

        Assert.Equal(["products-v2"], server.Indexes());
        Assert.Equal(["products-v2"], server.IndexesBehind("products"));
        Assert.Empty(server.IndexesBehind("products-building"));
        Assert.Equal("tee", await NearestUpperAsync(4));
        Assert.Equal("hoodie", await NearestUpperAsync(2));
        Assert.Equal("jacket", await NearestUpperAsync(5));
        Assert.NotEqual("scarf", await NearestUpperAsync(3)); // only a manifest no longer applied listed it
        Assert.Equal(["a.csv", "c.csv"], await index.ListSourcesAsync(default));
        Assert.Equal(["hoodie", "jacket", "tee"], server.Documents("products").Select(d => (string)d["productId"]!).Order());

        // The last batch's completion heard again (its process died before acknowledging it) changes nothing.
        await index.BatchFinishedAsync(batches[1], completed: true, default);
        Assert.Equal(["products-v2"], server.Indexes());
        Assert.Equal(["products-v2"], server.IndexesBehind("products"));
    }

    [Fact]
    public async Task A_failed_batch_abandons_the_rebuild_leaving_the_serving_version_and_a_later_reindex_starts_cleanly()
    {
        await index.UpsertAsync(Upper("tee", "a.csv", 1), default);
        Guid[] first = [Guid.NewGuid(), Guid.NewGuid()];
        await index.BeginRebuildAsync(first, default);
        await index.UpsertAsync(Upper("tee", "a.csv", 2), default);

        await index.BatchFinishedAsync(first[0], completed: false, default);

        Assert.Equal(["products-v1"], server.Indexes());
        Assert.Empty(server.IndexesBehind("products-building"));
        Assert.Equal("tee", await NearestUpperAsync(2)); // written to the serving version as ever
        await index.BatchFinishedAsync(first[1], completed: true, default); // a batch of the abandoned rebuild
        Assert.Equal(["products-v1"], server.IndexesBehind("products"));

        var second = Guid.NewGuid();
        await index.BeginRebuildAsync([second], default);
        Assert.True(await index.ClaimAsync("tee", "a.csv", default));
        await index.BatchFinishedAsync(second, completed: true, default);

        Assert.Equal(["products-v2"], server.Indexes());
        Assert.Equal(["products-v2"], server.IndexesBehind("products"));
        Assert.Equal("tee", await NearestUpperAsync(2));
    }

    [Fact]
    public async Task A_reindex_begun_while_another_builds_replaces_that_rebuild_and_the_older_batches_swap_nothing()
    {
        await index.UpsertAsync(Upper("tee", "a.csv", 1), default);
        var older = Guid.NewGuid();
        await index.BeginRebuildAsync([older], default);
        var newer = Guid.NewGuid();
        await NewProcess().BeginRebuildAsync([newer], default);

        Assert.Equal(["products-v1", "products-v3"], server.Indexes());
        await index.BatchFinishedAsync(older, completed: true, default);
        Assert.Equal(["products-v1"], server.IndexesBehind("products"));

        Assert.True(await index.ClaimAsync("tee", "a.csv", default));
        await index.BatchFinishedAsync(newer, completed: true, default);
        Assert.Equal(["products-v3"], server.Indexes());
        Assert.Equal("tee", await NearestUpperAsync(1));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();
}
