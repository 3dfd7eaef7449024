using ShoppableVideo.Messages;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Reviews;

/// <summary>Reviews in the shared SQLite file, append-only. The reviewed product's box, time and kind live in a
/// table of their own beside <c>shot_reviews</c>, created if missing: a database from before they were kept
/// opens unchanged, and its old reviews read back without an item.</summary>
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
        CREATE TABLE IF NOT EXISTS shot_review_items (
            review_id  INTEGER PRIMARY KEY REFERENCES shot_reviews (id),
            box_left   REAL NOT NULL,
            box_top    REAL NOT NULL,
            box_width  REAL NOT NULL,
            box_height REAL NOT NULL,
            seconds    REAL NOT NULL,
            kind       TEXT NOT NULL,
            score      REAL NOT NULL
        );
        """);

    public Task<ShotReview> AddAsync(Guid videoId, int segmentIndex, ReviewRequest request, ReviewedItem? item, string reviewer,
        CancellationToken cancellationToken)
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
            if (item is not null)
            {
                await using var insertItem = connection.Command("""
                    INSERT INTO shot_review_items (review_id, box_left, box_top, box_width, box_height, seconds, kind, score)
                    VALUES (@id, @left, @top, @width, @height, @seconds, @kind, @score)
                    """, transaction)
                    .With("@id", id)
                    .With("@left", item.Box.Left)
                    .With("@top", item.Box.Top)
                    .With("@width", item.Box.Width)
                    .With("@height", item.Box.Height)
                    .With("@seconds", item.Seconds)
                    .With("@kind", item.Kind)
                    .With("@score", item.Score);
                await insertItem.ExecuteNonQueryAsync(cancellationToken);
            }
            return new ShotReview(id, videoId, segmentIndex, request.Action, request.ProductId, request.ReplacementProductId,
                reviewer, request.Note, at, item);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<ShotReview>> ListAsync(Guid videoId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<ShotReview>>(async connection =>
        {
            await using var command = connection.Command("""
                SELECT r.id, r.segment_index, r.action, r.product_id, r.replacement_product_id, r.reviewer, r.note, r.created_at,
                       i.box_left, i.box_top, i.box_width, i.box_height, i.seconds, i.kind, i.score
                  FROM shot_reviews r LEFT JOIN shot_review_items i ON i.review_id = r.id
                 WHERE r.video_id = @video ORDER BY r.id
                """).With("@video", SqliteCommands.Key(videoId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var reviews = new List<ShotReview>();
            while (await reader.ReadAsync(cancellationToken))
                reviews.Add(new ShotReview(reader.GetInt64(0), videoId, reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
                    DateTimeOffset.Parse(reader.GetString(7), null, System.Globalization.DateTimeStyles.RoundtripKind),
                    reader.IsDBNull(8) ? null : new ReviewedItem(
                        new NormalizedBox(reader.GetDouble(8), reader.GetDouble(9), reader.GetDouble(10), reader.GetDouble(11)),
                        reader.GetDouble(12), reader.GetString(13), reader.GetDouble(14))));
            return reviews;
        }, cancellationToken);
}
