using Microsoft.Data.Sqlite;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Consumers.Matching;

/// <summary>
/// The product index in the shared SQLite file: product_images says what is indexed for each product
/// (source manifest, photo hash, kind) and points at its row in product_vectors, a sqlite-vec table that
/// does the k-NN on appearance with the kind as a metadata filter and the colour histogram riding along
/// as an auxiliary column. Search widens k, then reranks by appearance and colour together.
/// </summary>
public sealed class SqliteProductIndex(SqliteDatabase database, MatchingOptions options) : IProductIndex
{
    public const int AppearanceDimensions = 256;

    public static SqliteSchemaPart Schema { get; } = new("product-index", $"""
        CREATE TABLE IF NOT EXISTS product_images (
            product_id   TEXT PRIMARY KEY,
            source       TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            kind         TEXT NOT NULL,
            vector_rowid INTEGER NOT NULL UNIQUE
        );
        CREATE INDEX IF NOT EXISTS product_images_by_source ON product_images(source);
        CREATE VIRTUAL TABLE IF NOT EXISTS product_vectors USING vec0(
            appearance float[{AppearanceDimensions}] distance_metric=cosine,
            kind text,
            +colour blob
        );
        """);

    public Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken) =>
        database.ReadAsync(async connection =>
        {
            await using var command = connection.Command("SELECT content_hash FROM product_images WHERE product_id = $id")
                .With("$id", productId);
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }, cancellationToken);

    public Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken)
    {
        if (entry.Descriptor.Appearance.Length != AppearanceDimensions)
            throw new ArgumentException(
                $"the product index holds {AppearanceDimensions}-dimensional appearance vectors, not {entry.Descriptor.Appearance.Length}", nameof(entry));

        return database.WriteAsync(async (connection, transaction) =>
        {
            await DeleteVectorAsync(connection, transaction, entry.ProductId, cancellationToken);
            long rowid;
            await using (var next = connection.Command("SELECT coalesce(max(vector_rowid), 0) + 1 FROM product_images", transaction))
                rowid = (long)(await next.ExecuteScalarAsync(cancellationToken))!;

            var kind = KindName(entry.Kind);
            await using (var vector = connection.Command(
                "INSERT INTO product_vectors(rowid, appearance, kind, colour) VALUES ($rowid, $appearance, $kind, $colour)", transaction)
                .With("$rowid", rowid)
                .With("$appearance", VectorBlob.From(entry.Descriptor.Appearance))
                .With("$kind", kind)
                .With("$colour", VectorBlob.From(entry.Descriptor.Colour)))
                await vector.ExecuteNonQueryAsync(cancellationToken);

            await using var image = connection.Command("""
                INSERT INTO product_images(product_id, source, content_hash, kind, vector_rowid)
                VALUES ($id, $source, $hash, $kind, $rowid)
                ON CONFLICT(product_id) DO UPDATE SET
                    source = excluded.source, content_hash = excluded.content_hash,
                    kind = excluded.kind, vector_rowid = excluded.vector_rowid
                """, transaction)
                .With("$id", entry.ProductId)
                .With("$source", entry.Source)
                .With("$hash", entry.ContentHash)
                .With("$kind", kind)
                .With("$rowid", rowid);
            await image.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
    }

    public Task DeleteAsync(string productId, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await DeleteVectorAsync(connection, transaction, productId, cancellationToken);
            await using var command = connection.Command("DELETE FROM product_images WHERE product_id = $id", transaction)
                .With("$id", productId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    public Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("UPDATE product_images SET source = $source WHERE product_id = $id", transaction)
                .With("$id", productId)
                .With("$source", source);
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        }, cancellationToken);

    public Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = connection.Command("SELECT product_id FROM product_images WHERE source = $source ORDER BY product_id")
                .With("$source", source);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
                ids.Add(reader.GetString(0));
            return ids;
        }, cancellationToken);

    public async Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (query.Appearance.Length != AppearanceDimensions)
            throw new ArgumentException(
                $"the product index is searched with {AppearanceDimensions}-dimensional appearance vectors, not {query.Appearance.Length}", nameof(query));

        var candidates = await database.ReadAsync(async connection =>
        {
            // The k-NN runs alone in the CTE: sqlite-vec needs its MATCH and k constraints on the vec0
            // table itself, and the join only names the products it found.
            await using var command = connection.Command("""
                WITH nearest AS (
                    SELECT rowid, distance, colour FROM product_vectors
                    WHERE appearance MATCH $query AND k = $k AND kind = $kind
                )
                SELECT p.product_id, nearest.distance, nearest.colour
                FROM nearest JOIN product_images p ON p.vector_rowid = nearest.rowid
                """)
                .With("$query", VectorBlob.From(query.Appearance))
                .With("$k", options.CandidatesFor(k))
                .With("$kind", KindName(kind));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var found = new List<(string ProductId, double Distance, float[] Colour)>();
            while (await reader.ReadAsync(cancellationToken))
                found.Add((reader.GetString(0), reader.GetDouble(1), VectorBlob.ToFloats((byte[])reader.GetValue(2))));
            return found;
        }, cancellationToken);

        return ProductReranker.Rank(
            candidates.Select(c => new ProductCandidate(c.ProductId, DescriptorSimilarity.FromCosineDistance(c.Distance), c.Colour)),
            query.Colour, options.AppearanceWeight, k);
    }

    static async Task DeleteVectorAsync(SqliteConnection connection, SqliteTransaction transaction, string productId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.Command("""
            DELETE FROM product_vectors
            WHERE rowid = (SELECT vector_rowid FROM product_images WHERE product_id = $id)
            """, transaction)
            .With("$id", productId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    static string KindName(ItemKind kind) => kind.ToString().ToLowerInvariant();
}
