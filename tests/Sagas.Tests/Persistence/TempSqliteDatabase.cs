using ShoppableVideo.Sqlite;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

/// <summary>A real SQLite file in its own temp folder, removed with everything beside it (-wal, -shm).</summary>
public sealed class TempSqliteDatabase : IAsyncLifetime
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "sv-sqlite-" + Guid.NewGuid().ToString("N"));

    public TempSqliteDatabase()
    {
        FilePath = Path.Combine(_folder, "state.db");
        Database = new SqliteDatabase(FilePath, SqliteSchema.All);
    }

    public string FilePath { get; }

    public SqliteDatabase Database { get; }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
