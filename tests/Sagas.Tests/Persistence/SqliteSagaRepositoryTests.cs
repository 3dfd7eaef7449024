using ShoppableVideo.Sqlite;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

/// <summary>The saga store contract on SQLite, and what is SQLite's own: the file and its journal.</summary>
public sealed class SqliteSagaRepositoryTests : SagaStoreContract, IAsyncLifetime
{
    readonly TempSqliteDatabase _temp = new();
    readonly SqliteSagaRepository<SampleSaga> _repository;

    public SqliteSagaRepositoryTests()
    {
        _repository = new SqliteSagaRepository<SampleSaga>(_temp.Database);
    }

    protected override ISagaStore<SampleSaga> Store => _repository;

    protected override ISagaStore<SampleSaga> StoreForAnotherSagaType() =>
        new SqliteSagaRepository<SampleSaga>(_temp.Database, new SqliteSagaRepositoryOptions<SampleSaga> { SagaType = "OtherSaga" });

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task Sagas_survive_closing_and_reopening_the_file()
    {
        var saga = NewSaga("Matching");
        await _repository.InsertAsync(saga);
        await _temp.Database.DisposeAsync();

        await using var reopened = new SqliteDatabase(_temp.FilePath, SqliteSchema.All);
        var repository = new SqliteSagaRepository<SampleSaga>(reopened);
        var unfinished = await repository.ListUnfinishedAsync(["Completed", "Failed"]);

        Assert.Equal(saga.CorrelationId, Assert.Single(unfinished).CorrelationId);
    }

    [Fact]
    public async Task The_file_uses_write_ahead_logging()
    {
        await _repository.ListAsync();

        var mode = await _temp.Database.ReadAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string)(await command.ExecuteScalarAsync())!;
        });

        Assert.Equal("wal", mode);
    }
}
