using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Messages;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Api.Tests.Reviews;

public class SqliteReviewStoreTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("sv-reviews-").FullName;

    string DatabasePath => Path.Combine(folder, "shoppable.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_database_from_before_reviewed_items_opens_keeps_its_reviews_and_stores_items_from_then_on()
    {
        var video = Guid.NewGuid();
        // The table as it was, with one review in it.
        await using (var old = new SqliteDatabase(DatabasePath, [new SqliteSchemaPart("reviews", """
            CREATE TABLE shot_reviews (
                id INTEGER PRIMARY KEY AUTOINCREMENT, video_id TEXT NOT NULL, segment_index INTEGER NOT NULL, action TEXT NOT NULL,
                product_id TEXT NOT NULL, replacement_product_id TEXT NULL, reviewer TEXT NOT NULL, note TEXT NULL, created_at TEXT NOT NULL);
            """)]))
        {
            await old.WriteAsync(async (connection, transaction) =>
            {
                await using var insert = connection.Command($"""
                    INSERT INTO shot_reviews (video_id, segment_index, action, product_id, reviewer, created_at)
                    VALUES ('{video:D}', 0, 'approve', 'MH01-Orange', 'ann', '2026-12-01T10:00:00.0000000+00:00')
                    """, transaction);
                return await insert.ExecuteNonQueryAsync();
            }, default);
        }

        await using var database = new SqliteDatabase(DatabasePath, [SqliteReviewStore.Schema]);
        var store = new SqliteReviewStore(database);
        var drawn = new ReviewedItem(new NormalizedBox(0.1, 0.2, 0.3, 0.4), 4.5, "lower", 1);
        var added = await store.AddAsync(video, 1, new ReviewRequest(ReviewActions.Add, "MP01-Purple", Box: drawn.Box), drawn, "bo", default);

        var reviews = await store.ListAsync(video, default);
        Assert.Equal(2, reviews.Count);
        Assert.Equal(("MH01-Orange", null), (reviews[0].ProductId, reviews[0].Item));
        Assert.Equal(drawn, reviews[1].Item);
        Assert.Equal(added with { At = reviews[1].At }, reviews[1]);
    }
}
