using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Tests.Support.Vision;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests;

/// <summary>Real Luma photos through the embedded host: the ffmpeg image decoder, the ONNX detector and
/// re-ID embedder, and the sqlite-vec index, with counters around the embedder and the index.</summary>
public class CatalogIndexingTests
{
    static readonly string[] Header = ["product_id", "name", "price", "category", "image", "url", "rating", "availability"];

    [SharedDataFact]
    public async Task A_luma_subset_ingests_into_the_index_and_each_product_finds_itself_among_its_kind()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var rows = LumaRows(6);
        var manifest = Stage(host, rows, extraLines:
        [
            "BAD-1,No image,10,Men/Tops/Tees,,,,",
            "BAD-2,Ghost,10,Men/Tops/Tees,images/missing.jpg,,,",
            $"{rows[0].Id},Duplicate,10,{rows[0].Category},images/{rows[0].Image},,,",
        ]);
        Publish(host, manifest);

        var batch = await WaitForBatchAsync(host, except: []);

        Assert.Equal("Completed", batch.Status.State);
        Assert.Equal(rows.Count, batch.Ingested);
        Assert.Equal([rows.Count + 2, rows.Count + 3, rows.Count + 4], batch.Errors.Select(e => e.Line));
        Assert.Contains("missing required field", batch.Errors[0].Reason);
        Assert.Contains("not in the catalog bucket", batch.Errors[1].Reason);
        Assert.Contains("already on line 2", batch.Errors[2].Reason);
        Assert.Equal(rows.Count, vision.Index!.Upserts);

        var index = host.App.Services.GetRequiredService<IProductIndex>();
        var photos = host.App.Services.GetRequiredService<IProductPhotoVision>();
        foreach (var row in rows)
        {
            var product = new CatalogProduct(0, row.Id, row.Id, 1, row.Category, $"shop/images/{row.Image}", null);
            var (item, _) = await photos.FindProductAsync(Buckets.Catalog, product, default);
            Assert.NotNull(item);
            var described = (await photos.DescribeAsync(Buckets.Catalog, product, item, default))!;
            var kind = CategoryKinds.For(row.Category);
            var hits = await index.SearchAsync(kind, new ItemDescriptor(described.Views.Select(v => new ItemView(v.Appearance, v.Colour)).ToList()), 3, default);

            Assert.Equal(row.Id, hits[0].ProductId);
            Assert.All(hits, h => Assert.Equal(kind, CategoryKinds.For(rows.First(r => r.Id == h.ProductId).Category)));
        }

        var entry = await host.App.Services.GetRequiredService<IProductCatalog>().FindAsync(rows[0].Id, default);
        Assert.Equal(4.5, entry!.Product.Rating);
        Assert.Equal("in stock", entry.Product.Availability);
    }

    [SharedDataFact]
    public async Task An_edited_manifest_re_embeds_nothing_unchanged_and_removes_the_product_it_dropped()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var rows = LumaRows(5);
        Publish(host, Stage(host, rows));
        var first = await WaitForBatchAsync(host, except: []);
        Assert.Equal(rows.Count, first.Ingested);
        var (upserts, embeds) = (vision.Index!.Upserts, vision.Embedder!.Embedded);

        // The same manifest key, one row dropped and one price changed: only the catalog details move.
        var dropped = rows[^1];
        var kept = rows.Take(rows.Count - 1).ToList();
        Publish(host, Stage(host, kept, priceOfFirst: "99"));
        var second = await WaitForBatchAsync(host, except: [first.Id]);

        Assert.Equal("Completed", second.Status.State);
        Assert.Equal(kept.Count, second.Ingested);
        Assert.Equal(upserts, vision.Index.Upserts);
        Assert.Equal(embeds, vision.Embedder!.Embedded);
        Assert.Equal([dropped.Id], second.Removed);

        var index = host.App.Services.GetRequiredService<IProductIndex>();
        var catalog = host.App.Services.GetRequiredService<IProductCatalog>();
        Assert.Null(await index.FindContentHashAsync(dropped.Id, default));
        Assert.Null(await catalog.FindAsync(dropped.Id, default));
        Assert.Equal(kept.Select(r => r.Id).Order(), (await index.ListFromSourceAsync("shop/manifest.csv", default)).Order());
        Assert.Equal(99m, (await catalog.FindAsync(kept[0].Id, default))!.Product.Price);
    }

    [SharedDataFact]
    public async Task Dropping_a_manifest_again_and_rolling_back_to_an_earlier_ones_bytes_each_apply_it_again()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var rows = LumaRows(3);
        var full = Stage(host, rows);
        var fullBytes = File.ReadAllBytes(full);
        Publish(host, full);
        var first = await WaitForBatchAsync(host, except: []);

        Publish(host, Stage(host, rows.Take(2).ToList()));
        var edited = await WaitForBatchAsync(host, except: [first.Id]);
        Assert.Equal([rows[2].Id], edited.Removed);

        // The first version's exact bytes, written again: a rollback, which must bring the dropped row back.
        Publish(host, Restage(host, fullBytes));
        var rollback = await WaitForBatchAsync(host, except: [first.Id, edited.Id]);
        Assert.Equal("Completed", rollback.Status.State);
        var index = host.App.Services.GetRequiredService<IProductIndex>();
        Assert.NotNull(await index.FindContentHashAsync(rows[2].Id, default));
        Assert.NotNull(await host.App.Services.GetRequiredService<IProductCatalog>().FindAsync(rows[2].Id, default));

        // The current manifest dropped again repairs an index that lost a product behind its back.
        await index.DeleteAsync(rows[0].Id, default);
        Publish(host, Restage(host, fullBytes));
        var redrop = await WaitForBatchAsync(host, except: [first.Id, edited.Id, rollback.Id]);
        Assert.Equal(rows.Count, redrop.Ingested);
        Assert.NotNull(await index.FindContentHashAsync(rows[0].Id, default));
        Assert.Equal(rows.Select(r => r.Id).Order(), (await index.ListFromSourceAsync("shop/manifest.csv", default)).Order());
    }

    [SharedDataFact]
    public async Task A_product_two_manifests_list_stays_when_one_drops_it_and_reindex_removes_what_only_a_deleted_manifest_listed()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var rows = LumaRows(3);
        var (onlyA, shared, onlyB) = (rows[0], rows[1], rows[2]);
        Publish(host, Stage(host, [onlyA, shared]), "a.csv");
        var a = await WaitForBatchAsync(host, except: []);
        Publish(host, Stage(host, [shared, onlyB]), "b.csv");
        var b = await WaitForBatchAsync(host, except: [a.Id]);

        Publish(host, Stage(host, [onlyA]), "a.csv");
        var aWithoutShared = await WaitForBatchAsync(host, except: [a.Id, b.Id]);

        var index = host.App.Services.GetRequiredService<IProductIndex>();
        var catalog = host.App.Services.GetRequiredService<IProductCatalog>();
        Assert.Equal([shared.Id], aWithoutShared.Removed);
        Assert.NotNull(await index.FindContentHashAsync(shared.Id, default));
        Assert.NotNull(await catalog.FindAsync(shared.Id, default));
        Assert.Equal(new[] { shared.Id, onlyB.Id }.Order(StringComparer.Ordinal), await index.ListFromSourceAsync("shop/b.csv", default));

        // b.csv leaves the bucket: nothing notices until a reindex, which releases what only b.csv listed.
        File.Delete(Path.Combine(host.Data.BucketsRoot, "catalog", "shop", "b.csv"));
        using var response = await host.Http.PostAsync("/catalog/reindex", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var reindex = (await response.Content.ReadFromJsonAsync<ReindexAccepted>())!;

        Assert.Equal(["shop/a.csv"], reindex.Batches.Select(x => x.Manifest));
        Assert.Equal(new[] { shared.Id, onlyB.Id }.Order(StringComparer.Ordinal), reindex.Released.Order(StringComparer.Ordinal));
        Assert.Null(await index.FindContentHashAsync(onlyB.Id, default));
        Assert.Null(await catalog.FindAsync(shared.Id, default));
        var reapplied = await Poll.UntilAsync(async ct => await host.Http.GetFromJsonAsync<CatalogBatchStatus>(reindex.Batches[0].Status, ct) is
            { Status.State: "Completed" or "Failed" } done ? done : null, TimeSpan.FromMinutes(2));
        Assert.Equal(("Completed", 1), (reapplied.Status.State, reapplied.Ingested));
        Assert.NotNull(await index.FindContentHashAsync(onlyA.Id, default));
    }

    [SharedDataFact]
    public async Task Rows_sharing_one_photo_describe_it_once_and_each_product_is_found_by_it()
    {
        var vision = new TestVision();
        await using var host = await EmbeddedHost.StartAsync(configureServices: vision.Register);
        var rows = LumaRows(2);
        // Four sizes of the first product share its photo; the second product has its own.
        var shared = rows[0];
        var sizes = new[] { "XS", "S", "M", "L" }.Select(size => (Id: $"{shared.Id}-{size}", shared.Category, shared.Image)).ToList();
        Publish(host, Stage(host, [.. sizes, rows[1]]));

        var batch = await WaitForBatchAsync(host, except: []);

        Assert.Equal(("Completed", 5), (batch.Status.State, batch.Ingested));
        var embedded = vision.Embedder!.Embedded;
        var index = host.App.Services.GetRequiredService<IProductIndex>();
        var photos = host.App.Services.GetRequiredService<IProductPhotoVision>();
        var product = new CatalogProduct(0, sizes[0].Id, sizes[0].Id, 1, shared.Category, $"shop/images/{shared.Image}", null);
        var (item, _) = await photos.FindProductAsync(Buckets.Catalog, product, default);
        var described = (await photos.DescribeAsync(Buckets.Catalog, product, item!, default))!;
        var viewsPerPhoto = vision.Embedder.Embedded - embedded;
        // Two photos described, however many rows name them.
        Assert.Equal(2 * viewsPerPhoto, embedded);
        var hits = await index.SearchAsync(CategoryKinds.For(shared.Category),
            new ItemDescriptor(described.Views.Select(v => new ItemView(v.Appearance, v.Colour)).ToList()), 4, default);
        Assert.Equal(sizes.Select(s => s.Id).Order(StringComparer.Ordinal), hits.Select(h => h.ProductId).Order(StringComparer.Ordinal));
        Assert.All(hits, h => Assert.InRange(h.Score, 0.999, 1.0));
    }

    /// <summary>The first <paramref name="count"/> Luma rows, alternating tops, bottoms and bags.</summary>
    static List<(string Id, string Category, string Image)> LumaRows(int count)
    {
        var rows = SharedData.LumaRows()
            .Select(r => (r.Id, r.Category, r.Image))
            .GroupBy(r => CategoryKinds.For(r.Category))
            .ToList();
        return Enumerable.Range(0, count).Select(i => rows[i % rows.Count].ElementAt(i / rows.Count)).ToList();
    }

    static string Stage(EmbeddedHost host, IReadOnlyList<(string Id, string Category, string Image)> rows,
        string[]? extraLines = null, string priceOfFirst = "10")
    {
        var images = Path.Combine(host.Data.BucketsRoot, "catalog", "shop", "images");
        Directory.CreateDirectory(images);
        foreach (var row in rows)
        {
            var target = Path.Combine(images, row.Image);
            if (!File.Exists(target))
                File.Copy(Path.Combine(SharedData.Folder!, "luma", "images", row.Image), target);
        }
        var staged = Path.Combine(host.Data.Root, $"manifest-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(staged,
        [
            string.Join(',', Header),
            .. rows.Select((r, i) => $"{r.Id},{r.Id} name,{(i == 0 ? priceOfFirst : "10")},\"{r.Category}\",images/{r.Image},https://shop.example/{r.Id},4.5,in stock"),
            .. extraLines ?? [],
        ]);
        return staged;
    }

    /// <summary>Bytes staged as a new file, so moving it into the bucket is a new write of them.</summary>
    static string Restage(EmbeddedHost host, byte[] bytes)
    {
        var staged = Path.Combine(host.Data.Root, $"manifest-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(staged, bytes);
        return staged;
    }

    static void Publish(EmbeddedHost host, string staged, string name = "manifest.csv") =>
        File.Move(staged, Path.Combine(host.Data.BucketsRoot, "catalog", "shop", name), overwrite: true);

    /// <summary>The first batch to finish that is none of <paramref name="except"/>.</summary>
    static Task<CatalogBatchStatus> WaitForBatchAsync(EmbeddedHost host, IReadOnlyCollection<Guid> except) =>
        Poll.UntilAsync(async ct => (await host.Http.GetFromJsonAsync<List<CatalogBatchStatus>>("/catalog/batches", ct))?
            .FirstOrDefault(b => !except.Contains(b.Id) && b.Status.State is "Completed" or "Failed"), TimeSpan.FromMinutes(2));
}
