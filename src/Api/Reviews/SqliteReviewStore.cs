using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Reviews in the shared SQLite file, append-only.</summary>
public sealed class SqliteReviewStore(SqliteDatabase database) : IReviewStore
{
    public static SqliteSchemaPart Schema { get; } = new("reviews", """
        CREATE TABLE IF NOT EXISTS shot_reviews (
            id                     INTEGER PRIMARY KEY AUTOINCREMENT,
            video_id               TEXT NOT NULL,
            segment_index          INTEGER NOT NULL,
            action                 TEXT NOT NULL,
            product_id             TEXT NOT NULL,
            replacement_product_id TEXT NULL,
            reviewer               TEXT NOT NULL,
            note                   TEXT NULL,
            created_at             TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS shot_reviews_by_video ON shot_reviews (video_id, id);
        """);

    public Task<ShotReview> AddAsync(Guid videoId, int segmentIndex, ReviewRequest request, string reviewer, CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        return database.WriteAsync(async (connection, transaction) =>
        {
            await using var command = connection.Command("""
                INSERT INTO shot_reviews (video_id, segment_index, action, product_id, replacement_product_id, reviewer, note, created_at)
                VALUES (@video, @segment, @action, @product, @replacement, @reviewer, @note, @at)
                RETURNING id
                """, transaction)
                .With("@video", SqliteCommands.Key(videoId))
                .With("@segment", segmentIndex)
                .With("@action", request.Action)
                .With("@product", request.ProductId)
                .With("@replacement", request.ReplacementProductId)
                .With("@reviewer", reviewer)
                .With("@note", request.Note)
                .With("@at", SqliteCommands.Timestamp(at));
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return new ShotReview(id, videoId, segmentIndex, request.Action, request.ProductId, request.ReplacementProductId,
                reviewer, request.Note, at);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ShotReview>> ListAsync(Guid videoId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ShotReview>>(async connection =>
        {
            await using var command = connection.Command("""
                SELECT id, segment_index, action, product_id, replacement_product_id, reviewer, note, created_at
                  FROM shot_reviews WHERE video_id = @video ORDER BY id
                """).With("@video", SqliteCommands.Key(videoId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var reviews = new List<ShotReview>();
            while (await reader.ReadAsync(cancellationToken))
                reviews.Add(new ShotReview(reader.GetInt64(0), videoId, reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    DateTimeOffset.Parse(reader.GetString(7), null, System.Globalization.DateTimeStyles.RoundtripKind)));
            return reviews;
        }, cancellationToken);
}
