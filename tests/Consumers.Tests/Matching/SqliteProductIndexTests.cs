using Microsoft.Data.Sqlite;
using ShoppableVideo.Consumers.Matching;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class SqliteProductIndexTests
{
    static IndexedProductImage Entry(string id, ItemKind kind, ItemDescriptor descriptor, string source = "shop/manifest.csv", string hash = "h1") =>
        new(id, source, hash, kind, descriptor);

    [Fact]
    public async Task An_upserted_product_is_found_by_its_own_descriptor_with_a_score_near_one()
    {
        await using var temp = new TempProductIndex();
        var hoodie = TestVectors.Descriptor(TestVectors.Random(1), colourBin: 3);
        await temp.Index.UpsertAsync(Entry("hoodie", ItemKind.Upper, hoodie), default);
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(2), 5)), default);

        var hits = await temp.Index.SearchAsync(ItemKind.Upper, hoodie, 2, default);

        Assert.Equal(["hoodie", "tee"], hits.Select(h => h.ProductId));
        Assert.InRange(hits[0].Score, 0.999, 1.0);
        Assert.All(hits, h => Assert.InRange(h.Score, 0, 1));
        Assert.Equal("h1", await temp.Index.FindContentHashAsync("hoodie", default));
    }

    [Fact]
    public async Task A_search_filtered_by_kind_never_returns_another_kind()
    {
        await using var temp = new TempProductIndex();
        var query = TestVectors.Random(7);
        // The closest vectors of all are shorts; the only top is far away.
        for (var i = 0; i < 40; i++)
            await temp.Index.UpsertAsync(Entry($"shorts-{i}", ItemKind.Lower, TestVectors.Descriptor(TestVectors.Near(query, 100 + i, 0.1))), default);
        await temp.Index.UpsertAsync(Entry("far-top", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(8))), default);

        var tops = await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(query), 5, default);
        var bags = await temp.Index.SearchAsync(ItemKind.Bag, TestVectors.Descriptor(query), 5, default);

        Assert.Equal(["far-top"], tops.Select(h => h.ProductId));
        Assert.Empty(bags);
    }

    [Fact]
    public async Task Upserting_an_existing_product_replaces_its_vectors_kind_and_hash()
    {
        await using var temp = new TempProductIndex();
        var before = TestVectors.Random(11);
        var after = TestVectors.Random(12);
        await temp.Index.UpsertAsync(Entry("jacket", ItemKind.Upper, TestVectors.Descriptor(before), hash: "old"), default);
        await temp.Index.UpsertAsync(Entry("jacket", ItemKind.Full, TestVectors.Descriptor(after), hash: "new"), default);

        Assert.Empty(await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(before), 5, default));
        var hits = await temp.Index.SearchAsync(ItemKind.Full, TestVectors.Descriptor(after), 5, default);
        Assert.Equal("jacket", Assert.Single(hits).ProductId);
        Assert.InRange(hits[0].Score, 0.999, 1.0);
        Assert.Equal("new", await temp.Index.FindContentHashAsync("jacket", default));
    }

    [Fact]
    public async Task A_deleted_product_is_neither_found_nor_listed()
    {
        await using var temp = new TempProductIndex();
        var vector = TestVectors.Random(21);
        await temp.Index.UpsertAsync(Entry("bag", ItemKind.Bag, TestVectors.Descriptor(vector)), default);
        await temp.Index.UpsertAsync(Entry("other-bag", ItemKind.Bag, TestVectors.Descriptor(TestVectors.Random(22))), default);

        await temp.Index.DeleteAsync("bag", default);
        await temp.Index.DeleteAsync("never-indexed", default);

        Assert.Null(await temp.Index.FindContentHashAsync("bag", default));
        Assert.Equal(["other-bag"], (await temp.Index.SearchAsync(ItemKind.Bag, TestVectors.Descriptor(vector), 5, default)).Select(h => h.ProductId));
        Assert.Equal(["other-bag"], await temp.Index.ListFromSourceAsync("shop/manifest.csv", default));
    }

    [Theory]
    [InlineData(1.0, "same-shape-wrong-colour")]
    [InlineData(0.5, "right-colour")]
    public async Task The_appearance_weight_decides_between_a_closer_shape_and_the_right_colour(double weight, string expectedFirst)
    {
        await using var temp = new TempProductIndex(weight);
        var query = TestVectors.Random(31);
        await temp.Index.UpsertAsync(Entry("same-shape-wrong-colour", ItemKind.Upper,
            new ItemDescriptor(TestVectors.Near(query, 32, 0.05), TestVectors.Colour(1))), default);
        await temp.Index.UpsertAsync(Entry("right-colour", ItemKind.Upper,
            new ItemDescriptor(TestVectors.Near(query, 33, 0.3), TestVectors.Colour(2))), default);

        var hits = await temp.Index.SearchAsync(ItemKind.Upper, new ItemDescriptor(query, TestVectors.Colour(2)), 2, default);

        Assert.Equal(expectedFirst, hits[0].ProductId);
    }

    [Fact]
    public async Task The_index_survives_reopening_the_file()
    {
        await using var temp = new TempProductIndex();
        var vector = TestVectors.Random(41);
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(vector), hash: "abc"), default);

        await temp.ReopenAsync();

        Assert.Equal("abc", await temp.Index.FindContentHashAsync("tee", default));
        Assert.Equal("tee", Assert.Single(await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(vector), 3, default)).ProductId);
    }

    [Fact]
    public async Task A_product_described_with_an_older_colour_histogram_is_forgotten_on_reopening_so_its_manifest_describes_it_again()
    {
        await using var temp = new TempProductIndex();
        var oldVector = TestVectors.Random(45);
        var currentVector = TestVectors.Random(46);
        // Two views, one of them described by the earlier 148-bin histogram: the whole product goes.
        var oldDescriptor = new ItemDescriptor([new ItemView(oldVector, TestVectors.Colour(2, bins: 148)), new ItemView(oldVector, TestVectors.Colour(2))]);
        await temp.Index.UpsertAsync(Entry("old-jacket", ItemKind.Upper, oldDescriptor, hash: "old"), default);
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(currentVector), hash: "current"), default);

        await temp.ReopenAsync();

        Assert.Null(await temp.Index.FindContentHashAsync("old-jacket", default));
        Assert.Equal("current", await temp.Index.FindContentHashAsync("tee", default));
        Assert.Equal(["tee"], await temp.Index.ListFromSourceAsync("shop/manifest.csv", default));
        Assert.Equal(["tee"], (await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(oldVector), 5, default)).Select(h => h.ProductId));
    }

    [Fact]
    public async Task A_product_two_manifests_list_stays_until_both_release_it()
    {
        await using var temp = new TempProductIndex();
        var vector = TestVectors.Random(51);
        await temp.Index.UpsertAsync(Entry("pants", ItemKind.Lower, TestVectors.Descriptor(vector), source: "a.csv"), default);

        Assert.True(await temp.Index.ClaimAsync("pants", "b.csv", default));
        Assert.True(await temp.Index.ClaimAsync("pants", "b.csv", default));
        Assert.False(await temp.Index.ClaimAsync("missing", "b.csv", default));
        Assert.Equal(["a.csv", "b.csv"], await temp.Index.ListSourcesAsync(default));

        Assert.False(await temp.Index.ReleaseAsync("pants", "a.csv", default));
        Assert.Empty(await temp.Index.ListFromSourceAsync("a.csv", default));
        Assert.Equal(["pants"], await temp.Index.ListFromSourceAsync("b.csv", default));
        Assert.Single(await temp.Index.SearchAsync(ItemKind.Lower, TestVectors.Descriptor(vector), 1, default));

        Assert.True(await temp.Index.ReleaseAsync("pants", "b.csv", default));
        Assert.Null(await temp.Index.FindContentHashAsync("pants", default));
        Assert.Empty(await temp.Index.SearchAsync(ItemKind.Lower, TestVectors.Descriptor(vector), 1, default));
        Assert.Empty(await temp.Index.ListSourcesAsync(default));
    }

    [Fact]
    public async Task Upserting_a_product_from_a_second_manifest_keeps_the_first_one_listing_it()
    {
        await using var temp = new TempProductIndex();
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(52)), source: "a.csv", hash: "old"), default);
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(53)), source: "b.csv", hash: "new"), default);

        Assert.Equal("new", await temp.Index.FindContentHashAsync("tee", default));
        Assert.Equal(["tee"], await temp.Index.ListFromSourceAsync("a.csv", default));
        Assert.Equal(["tee"], await temp.Index.ListFromSourceAsync("b.csv", default));
        Assert.False(await temp.Index.ReleaseAsync("tee", "never-listed.csv", default));
    }

    [Fact]
    public async Task A_photo_described_for_one_product_is_found_by_its_content_and_kind_for_another()
    {
        await using var temp = new TempProductIndex();
        var red = TestVectors.Descriptor(TestVectors.Random(55), colourBin: 4);
        await temp.Index.UpsertAsync(Entry("red-s", ItemKind.Upper, red, hash: "photo-1"), default);

        var found = await temp.Index.FindDescriptorOfPhotoAsync("photo-1", ItemKind.Upper, default);

        Assert.Equal(red.Views.Select(v => v.Appearance), found!.Views.Select(v => v.Appearance));
        Assert.Equal(red.Views.Select(v => v.Colour), found.Views.Select(v => v.Colour));
        Assert.Null(await temp.Index.FindDescriptorOfPhotoAsync("photo-1", ItemKind.Lower, default));
        Assert.Null(await temp.Index.FindDescriptorOfPhotoAsync("photo-2", ItemKind.Upper, default));
    }

    [Fact]
    public async Task An_index_written_with_one_source_per_product_keeps_its_products_and_their_manifest_on_reopening()
    {
        await using var temp = new TempProductIndex();
        var vector = TestVectors.Random(54);
        await temp.Index.UpsertAsync(Entry("coat", ItemKind.Upper, TestVectors.Descriptor(vector), source: "old.csv", hash: "c1"), default);
        // The table an earlier version kept: one source column per product.
        await using (var connection = new SqliteConnection($"Data Source={temp.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var legacy = connection.CreateCommand();
            legacy.CommandText = """
                CREATE TABLE product_entries (product_id TEXT PRIMARY KEY, source TEXT NOT NULL, content_hash TEXT NOT NULL, kind TEXT NOT NULL);
                INSERT INTO product_entries SELECT product_id, 'legacy.csv', content_hash, kind FROM indexed_products;
                DELETE FROM product_sources;
                DELETE FROM indexed_products;
                """;
            await legacy.ExecuteNonQueryAsync();
        }

        await temp.ReopenAsync();

        Assert.Equal("c1", await temp.Index.FindContentHashAsync("coat", default));
        Assert.Equal(["coat"], await temp.Index.ListFromSourceAsync("legacy.csv", default));
        Assert.Equal("coat", Assert.Single(await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(vector), 1, default)).ProductId);
    }

    [Fact]
    public async Task An_index_whose_vectors_sit_in_the_earlier_unpartitioned_table_keeps_finding_each_kind_after_reopening()
    {
        await using var temp = new TempProductIndex();
        var (coat, jeans) = (TestVectors.Random(55), TestVectors.Random(56));
        await temp.Index.UpsertAsync(Entry("coat", ItemKind.Upper, TestVectors.Descriptor(coat)), default);
        await temp.Index.UpsertAsync(Entry("jeans", ItemKind.Lower, TestVectors.Descriptor(jeans)), default);
        // The table an earlier version kept: every kind together, the kind a metadata column.
        await using (var earlier = new ShoppableVideo.Sqlite.SqliteDatabase(temp.DatabasePath))
            await earlier.WriteAsync(async (connection, transaction) =>
            {
                await using var legacy = connection.CreateCommand();
                legacy.Transaction = transaction;
                legacy.CommandText = $"""
                    CREATE VIRTUAL TABLE product_view_vectors USING vec0(appearance float[{SqliteProductIndex.AppearanceDimensions}] distance_metric=cosine, kind text);
                    INSERT INTO product_view_vectors(rowid, appearance, kind) SELECT rowid, appearance, kind FROM {SqliteProductIndex.VectorTable};
                    DROP TABLE {SqliteProductIndex.VectorTable};
                    """;
                await legacy.ExecuteNonQueryAsync();
            });

        await temp.ReopenAsync();

        Assert.Equal("coat", Assert.Single(await temp.Index.SearchAsync(ItemKind.Upper, TestVectors.Descriptor(coat), 5, default)).ProductId);
        Assert.Equal("jeans", Assert.Single(await temp.Index.SearchAsync(ItemKind.Lower, TestVectors.Descriptor(jeans), 5, default)).ProductId);
        await temp.ReopenAsync();
        Assert.Equal(2, (await temp.Index.SearchAsync(ItemKind.Any, TestVectors.Descriptor(coat), 5, default)).Count);
    }

    [Fact]
    public async Task A_vector_of_the_wrong_size_is_refused_with_a_clear_error()
    {
        await using var temp = new TempProductIndex();
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            temp.Index.UpsertAsync(Entry("x", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(1, 128))), default));
        Assert.Contains("512", error.Message);
    }

    [Fact]
    public async Task A_product_scores_by_its_best_pair_of_views()
    {
        await using var temp = new TempProductIndex();
        var closeUp = TestVectors.Random(61);
        var fullLength = new ItemView(TestVectors.Random(62), TestVectors.Colour(1));
        await temp.Index.UpsertAsync(Entry("hoodie", ItemKind.Upper,
            new ItemDescriptor([fullLength, new ItemView(closeUp, TestVectors.Colour(4))])), default);
        await temp.Index.UpsertAsync(Entry("tee", ItemKind.Upper, TestVectors.Descriptor(TestVectors.Random(63), 4)), default);

        // The query's second view is the hoodie's close-up: its first view matches nothing.
        var query = new ItemDescriptor([new ItemView(TestVectors.Random(64), TestVectors.Colour(7)), new ItemView(closeUp, TestVectors.Colour(4))]);
        var hits = await temp.Index.SearchAsync(ItemKind.Upper, query, 2, default);

        Assert.Equal("hoodie", hits[0].ProductId);
        Assert.InRange(hits[0].Score, 0.999, 1.0);
    }

    [Fact]
    public async Task A_search_of_any_kind_finds_every_kind_and_says_which_each_is()
    {
        await using var temp = new TempProductIndex();
        var query = TestVectors.Random(71);
        await temp.Index.UpsertAsync(Entry("capris", ItemKind.Lower, TestVectors.Descriptor(TestVectors.Near(query, 72, 0.05))), default);
        await temp.Index.UpsertAsync(Entry("tote", ItemKind.Bag, TestVectors.Descriptor(TestVectors.Near(query, 73, 0.2))), default);

        var hits = await temp.Index.SearchAsync(ItemKind.Any, TestVectors.Descriptor(query), 5, default);

        Assert.Equal([("capris", ItemKind.Lower), ("tote", ItemKind.Bag)], hits.Select(h => (h.ProductId, h.Kind)));
    }

    [Fact]
    public async Task The_widened_k_nn_pass_loses_nothing_that_an_exact_score_of_every_product_would_rank_first()
    {
        await using var temp = new TempProductIndex();
        var random = new Random(81);
        var catalog = new List<ProductViews>();
        for (var p = 0; p < 300; p++)
        {
            // Four views a product, colours drawn so that colour often reorders what appearance ranks.
            var views = Enumerable.Range(0, 4)
                .Select(v => new ItemView(TestVectors.Random(1000 + p * 4 + v), TestVectors.Colour(random.Next(8), ColourDescriptor.Bins)))
                .ToList();
            catalog.Add(new ProductViews($"p{p:D3}", ItemKind.Upper, views));
            await temp.Index.UpsertAsync(Entry($"p{p:D3}", ItemKind.Upper, new ItemDescriptor(views)), default);
        }

        for (var q = 0; q < 20; q++)
        {
            var target = catalog[random.Next(catalog.Count)].Views[random.Next(4)];
            var query = new ItemDescriptor([new ItemView(TestVectors.Near(target.Appearance, 5000 + q, 0.6), TestVectors.Colour(random.Next(8), ColourDescriptor.Bins))]);

            var indexed = await temp.Index.SearchAsync(ItemKind.Upper, query, 5, default);
            var exact = ProductReranker.Rank(query, catalog, temp.AppearanceWeight, 5);

            Assert.Equal(exact.Select(h => h.ProductId), indexed.Select(h => h.ProductId));
        }
    }
}
