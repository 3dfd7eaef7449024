using Microsoft.Data.Sqlite;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The product index in the shared SQLite file. indexed_products says what is indexed for each product
/// (photo hash, kind); product_sources names the manifests that list it (a product may be listed by
/// several, and stays while one of them does); product_views holds each of its views (appearance and colour); and
/// <see cref="VectorTable"/>, a sqlite-vec table keyed by the view's rowid and partitioned by kind, does the
/// k-NN on appearance within one kind. Search asks the k-NN pass which products are near (widely: see
/// <see cref="MatchingOptions"/>), then scores those products exactly over all their views
/// (<see cref="ProductReranker"/>).
/// </summary>
public sealed class SqliteProductIndex(SqliteDatabase database, MatchingOptions options) : IProductIndex
{
    /// <summary>ResNet18's pooled features.</summary>
    public const int AppearanceDimensions = 512;

    /// <summary>The most neighbours one sqlite-vec k-NN query returns.</summary>
    const int VecMaxK = 4096;

    /// <summary>The sqlite-vec table of view appearances, partitioned by kind: a k-NN of one kind reads
    /// only that kind's vectors.</summary>
    public const string VectorTable = "product_view_vectors_by_kind";

    /// <summary>Bytes of a colour histogram as it is described today.</summary>
    const int ColourBytes = ColourDescriptor.Bins * sizeof(float);

    // product_view_vectors held the same vectors with the kind as a metadata column, so a k-NN of one kind
    // read every kind's vectors: they move once into the table partitioned by kind, and it goes.
    // product_images and product_vectors held one 256-wide re-ID vector per product; product_entries held
    // one source manifest per product, before a product could be listed by several (its rows move into
    // indexed_products and product_sources, then it goes); and views whose colour histogram has another width
    // were described by an earlier descriptor: they cannot be compared with today's, so the whole product
    // goes, and the catalog is described again on its next ingestion.
    public static SqliteSchemaPart Schema { get; } = new("product-index", $"""
        DROP TABLE IF EXISTS product_images;
        DROP TABLE IF EXISTS product_vectors;
        CREATE TABLE IF NOT EXISTS indexed_products (
            product_id   TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            kind         TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS indexed_products_by_photo ON indexed_products(content_hash, kind);
        CREATE TABLE IF NOT EXISTS product_sources (
            product_id TEXT NOT NULL,
            source     TEXT NOT NULL,
            PRIMARY KEY (product_id, source)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS product_sources_by_source ON product_sources(source, product_id);
        CREATE TABLE IF NOT EXISTS product_entries (product_id TEXT PRIMARY KEY, source TEXT NOT NULL, content_hash TEXT NOT NULL, kind TEXT NOT NULL);
        INSERT OR IGNORE INTO indexed_products SELECT product_id, content_hash, kind FROM product_entries;
        INSERT OR IGNORE INTO product_sources SELECT product_id, source FROM product_entries;
        DROP TABLE product_entries;
        CREATE TABLE IF NOT EXISTS product_views (
            view_id    INTEGER PRIMARY KEY,
            product_id TEXT NOT NULL,
            appearance BLOB NOT NULL,
            colour     BLOB NOT NULL
        );
        CREATE INDEX IF NOT EXISTS product_views_by_product ON product_views(product_id);
        CREATE VIRTUAL TABLE IF NOT EXISTS {VectorTable} USING vec0(
            kind text partition key,
            appearance float[{AppearanceDimensions}] distance_metric=cosine
        );
        INSERT INTO {VectorTable}(rowid, kind, appearance)
            SELECT v.view_id, e.kind, v.appearance FROM product_views v JOIN indexed_products e ON e.product_id = v.product_id
            WHERE EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'product_view_vectors');
        DROP TABLE IF EXISTS product_view_vectors;
        CREATE TEMP TABLE outdated_products AS
            SELECT DISTINCT product_id FROM product_views WHERE length(colour) != {ColourBytes};
        DELETE FROM {VectorTable} WHERE rowid IN (SELECT view_id FROM product_views WHERE product_id IN outdated_products);
        DELETE FROM product_views WHERE product_id IN outdated_products;
        DELETE FROM indexed_products WHERE product_id IN outdated_products;
        DELETE FROM product_sources WHERE product_id IN outdated_products;
        DROP TABLE outdated_products;
        """);

    public Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("SELECT content_hash FROM indexed_products WHERE product_id = $id")
                .With("$id", productId);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public async Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken)
    {
        var products = await database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("""
                SELECT product_id FROM indexed_products WHERE content_hash = $hash AND kind = $kind ORDER BY product_id LIMIT 1
                """)
                .With("$hash", contentHash)
                .With("$kind", KindName(kind));
            return await command.ExecuteScalarAsync(cancellationToken) is string productId
                ? await ViewsOfAsync(connection, [productId], cancellationToken)
                : [];
        }, cancellationToken);
        return products.Count == 0 ? null : new ItemDescriptor(products[0].Views);
    }

    public Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken)
    {
        entry.Descriptor.RequireAppearanceWidth(AppearanceDimensions, nameof(entry));
        return database.WriteAsync(async (connection, transaction) =>
        {
            await DeleteViewsAsync(connection, transaction, entry.ProductId, cancellationToken);
            var kind = KindName(entry.Kind);
            foreach (var view in entry.Descriptor.Views)
            {
                long viewId;
                await using (var insert = connection.Command("""
                    INSERT INTO product_views(product_id, appearance, colour) VALUES ($id, $appearance, $colour) RETURNING view_id
                    """, transaction)
                    .With("$id", entry.ProductId)
                    .With("$appearance", VectorBlob.From(view.Appearance))
                    .With("$colour", VectorBlob.From(view.Colour)))
                    viewId = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
                await using var vector = connection.Command(
                    $"INSERT INTO {VectorTable}(rowid, appearance, kind) VALUES ($rowid, $appearance, $kind)", transaction)
                    .With("$rowid", viewId)
                    .With("$appearance", VectorBlob.From(view.Appearance))
                    .With("$kind", kind);
                await vector.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var image = connection.Command("""
                INSERT INTO indexed_products(product_id, content_hash, kind) VALUES ($id, $hash, $kind)
                ON CONFLICT(product_id) DO UPDATE SET content_hash = excluded.content_hash, kind = excluded.kind;
                INSERT OR IGNORE INTO product_sources(product_id, source) VALUES ($id, $source);
                """, transaction)
                .With("$id", entry.ProductId)
                .With("$source", entry.Source)
                .With("$hash", entry.ContentHash)
                .With("$kind", kind);
            await image.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task DeleteAsync(string productId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => DeleteProductAsync(connection, transaction, productId, cancellationToken),
            cancellationToken);

    public Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                INSERT OR IGNORE INTO product_sources(product_id, source)
                SELECT product_id, $source FROM indexed_products WHERE product_id = $id
                """, transaction)
                .With("$id", productId)
                .With("$source", source);
            await command.ExecuteNonQueryAsync(cancellationToken);
            await using var indexed = connection.Command("SELECT count(*) FROM indexed_products WHERE product_id = $id", transaction)
                .With("$id", productId);
            return (long)(await indexed.ExecuteScalarAsync(cancellationToken))! > 0;
        }, cancellationToken);

    public Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var release = connection.Command("DELETE FROM product_sources WHERE product_id = $id AND source = $source", transaction)
                .With("$id", productId)
                .With("$source", source);
            await release.ExecuteNonQueryAsync(cancellationToken);
            await using var others = connection.Command("SELECT count(*) FROM product_sources WHERE product_id = $id", transaction)
                .With("$id", productId);
            if ((long)(await others.ExecuteScalarAsync(cancellationToken))! > 0)
                return false;
            await DeleteProductAsync(connection, transaction, productId, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken) =>
        ListAsync("SELECT product_id FROM product_sources WHERE source = $source ORDER BY product_id", source, cancellationToken);

    public Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken) =>
        ListAsync("SELECT DISTINCT source FROM product_sources ORDER BY source", null, cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(string sql, string? source, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.Command(sql).With("$source", source ?? "");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
                values.Add(reader.GetString(0));
            return values;
        }, cancellationToken);

    public async Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        query.RequireAppearanceWidth(AppearanceDimensions, nameof(query));

        var candidates = await database.ReadAsync(async connection =>
        {
            var near = new HashSet<string>(StringComparer.Ordinal);
            foreach (var view in query.Views)
                near.UnionWith(await NearestProductsAsync(connection, view, kind, cancellationToken));
            return await ViewsOfAsync(connection, near, cancellationToken);
        }, cancellationToken);
        return ProductReranker.Rank(query, candidates, options.AppearanceWeight, k);
    }

    /// <summary>The products owning the views nearest to one query view on appearance.</summary>
    async Task<IReadOnlyList<string>> NearestProductsAsync(SqliteConnection connection, ItemView view, ItemKind kind,
        CancellationToken cancellationToken)
    {
        // The k-NN runs alone in the CTE: sqlite-vec needs its MATCH and k constraints on the vec0 table
        // itself, and the join only names the products it found. Any searches every kind.
        var kindFilter = kind == ItemKind.Any ? "" : "AND kind = $kind";
        await using var command = connection.Command($"""
            WITH nearest AS (
                SELECT rowid FROM {VectorTable}
                WHERE appearance MATCH $query AND k = $k {kindFilter}
            )
            SELECT DISTINCT v.product_id FROM nearest JOIN product_views v ON v.view_id = nearest.rowid
            """)
            .With("$query", VectorBlob.From(view.Appearance))
            .With("$k", Math.Min(VecMaxK, options.CandidateViews))
            .With("$kind", KindName(kind));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
            ids.Add(reader.GetString(0));
        return ids;
    }

    static async Task<IReadOnlyList<ProductViews>> ViewsOfAsync(SqliteConnection connection, IReadOnlyCollection<string> productIds,
        CancellationToken cancellationToken)
    {
        if (productIds.Count == 0)
            return [];
        await using var command = connection.Command("""
            SELECT e.product_id, e.kind, v.appearance, v.colour
            FROM indexed_products e JOIN product_views v ON v.product_id = e.product_id
            WHERE e.product_id IN (SELECT value FROM json_each($ids))
            ORDER BY v.view_id
            """)
            .With("$ids", System.Text.Json.JsonSerializer.Serialize(productIds));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var views = new Dictionary<string, (ItemKind Kind, List<ItemView> Views)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (!views.TryGetValue(id, out var product))
                views[id] = product = (Enum.Parse<ItemKind>(reader.GetString(1), ignoreCase: true), []);
            product.Views.Add(new ItemView(VectorBlob.ToFloats((byte[])reader.GetValue(2)), VectorBlob.ToFloats((byte[])reader.GetValue(3))));
        }
        return views.Select(p => new ProductViews(p.Key, p.Value.Kind, p.Value.Views)).ToList();
    }

    static async Task DeleteProductAsync(SqliteConnection connection, SqliteTransaction transaction, string productId,
        CancellationToken cancellationToken)
    {
        await DeleteViewsAsync(connection, transaction, productId, cancellationToken);
        await using var command = connection.Command("""
            DELETE FROM indexed_products WHERE product_id = $id;
            DELETE FROM product_sources WHERE product_id = $id;
            """, transaction)
            .With("$id", productId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static async Task DeleteViewsAsync(SqliteConnection connection, SqliteTransaction transaction, string productId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command($"""
            DELETE FROM {VectorTable} WHERE rowid IN (SELECT view_id FROM product_views WHERE product_id = $id);
            DELETE FROM product_views WHERE product_id = $id;
            """, transaction)
            .With("$id", productId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
