using ShoppableVideo.Sqlite;
using MassTransit;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

public sealed class SqliteSagaRepositoryTests : IAsyncLifetime
{
    readonly TempSqliteDatabase _temp = new();
    readonly SqliteSagaRepository<SampleSaga> _repository;

    public SqliteSagaRepositoryTests()
    {
        _repository = new SqliteSagaRepository<SampleSaga>(_temp.Database);
    }

    public Task InitializeAsync() => _temp.InitializeAsync();

    public Task DisposeAsync() => _temp.DisposeAsync();

    static SampleSaga NewSaga(string state = "Extracting") => new()
    {
        CorrelationId = Guid.NewGuid(),
        CurrentState = state,
        Steps = [new SampleStep("probe", 100, new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero))],
        Segments = [new SampleSegment(0, 0.0, 4.5, ["sku-1", "sku-2"])],
        ParentId = Guid.NewGuid(),
        FinishedAt = null,
        Kind = SampleKind.Catalog,
    };

    [Fact]
    public async Task An_inserted_saga_loads_back_with_its_records_lists_and_nullables()
    {
        var saga = NewSaga();

        await _repository.InsertAsync(saga);
        var loaded = await _repository.FindAsync(saga.CorrelationId);

        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Version);
        Assert.Equal("Extracting", loaded.CurrentState);
        Assert.Equal(saga.Steps, loaded.Steps);
        var segment = Assert.Single(loaded.Segments);
        Assert.Equal(["sku-1", "sku-2"], segment.ProductIds);
        Assert.Equal(4.5, segment.EndSeconds);
        Assert.Equal(saga.ParentId, loaded.ParentId);
        Assert.Null(loaded.FinishedAt);
        Assert.Equal(SampleKind.Catalog, loaded.Kind);
    }

    [Fact]
    public async Task An_update_advances_the_version_and_a_delete_removes_the_row()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);

        var loaded = (await _repository.FindAsync(saga.CorrelationId))!;
        loaded.CurrentState = "Completed";
        loaded.FinishedAt = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        loaded.Steps.Add(new SampleStep("extract", 50, DateTimeOffset.UnixEpoch));
        await _repository.UpdateAsync(loaded);

        var updated = (await _repository.FindAsync(saga.CorrelationId))!;
        Assert.Equal(2, updated.Version);
        Assert.Equal("Completed", updated.CurrentState);
        Assert.Equal(loaded.FinishedAt, updated.FinishedAt);
        Assert.Equal(2, updated.Steps.Count);

        await _repository.DeleteAsync(updated);
        Assert.Null(await _repository.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Inserting_an_id_that_already_exists_is_a_concurrency_conflict()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);

        var twin = NewSaga();
        twin.CorrelationId = saga.CorrelationId;

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.InsertAsync(twin));
    }

    [Fact]
    public async Task Of_two_concurrent_updates_from_the_same_version_one_wins_and_the_other_gets_a_concurrency_exception()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);
        var first = (await _repository.FindAsync(saga.CorrelationId))!;
        var second = (await _repository.FindAsync(saga.CorrelationId))!;
        first.Steps.Add(new SampleStep("first", 1, DateTimeOffset.UnixEpoch));
        second.Steps.Add(new SampleStep("second", 2, DateTimeOffset.UnixEpoch));

        var outcomes = await Task.WhenAll(
            Outcome(() => _repository.UpdateAsync(first)),
            Outcome(() => _repository.UpdateAsync(second)));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<ConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        var stored = (await _repository.FindAsync(saga.CorrelationId))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Steps.Count);
    }

    [Fact]
    public async Task Deleting_an_instance_that_changed_since_it_was_loaded_is_refused()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);
        var stale = (await _repository.FindAsync(saga.CorrelationId))!;
        var fresh = (await _repository.FindAsync(saga.CorrelationId))!;
        await _repository.UpdateAsync(fresh);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.DeleteAsync(stale));
        Assert.NotNull(await _repository.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Listing_unfinished_sagas_skips_the_final_states_and_keeps_finished_ones_queryable()
    {
        var running = NewSaga("Extracting");
        var completed = NewSaga("Completed");
        var failed = NewSaga("Failed");
        foreach (var saga in new[] { running, completed, failed })
            await _repository.InsertAsync(saga);

        var unfinished = await _repository.ListUnfinishedAsync(["Completed", "Failed"]);
        var onlyCompleted = await _repository.ListAsync(state: "Completed");
        var all = await _repository.ListAsync();

        Assert.Equal(running.CorrelationId, Assert.Single(unfinished).CorrelationId);
        Assert.Equal(completed.CorrelationId, Assert.Single(onlyCompleted).CorrelationId);
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task With_no_final_states_every_saga_counts_as_unfinished()
    {
        await _repository.InsertAsync(NewSaga("Completed"));
        await _repository.InsertAsync(NewSaga("Extracting"));

        Assert.Equal(2, (await _repository.ListUnfinishedAsync([])).Count);
    }

    [Fact]
    public async Task Sagas_of_another_type_in_the_same_file_are_invisible()
    {
        var other = new SqliteSagaRepository<SampleSaga>(_temp.Database,
            new SqliteSagaRepositoryOptions<SampleSaga> { SagaType = "OtherSaga" });
        var saga = NewSaga();
        await other.InsertAsync(saga);

        Assert.Null(await _repository.FindAsync(saga.CorrelationId));
        Assert.Empty(await _repository.ListAsync());
        Assert.NotNull(await other.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Fifty_sagas_updated_concurrently_with_readers_alongside_never_hit_database_is_locked()
    {
        var sagas = Enumerable.Range(0, 50).Select(_ => NewSaga()).ToList();
        const int updatesPerSaga = 5;

        async Task Drive(SampleSaga saga)
        {
            await _repository.InsertAsync(saga);
            for (var i = 0; i < updatesPerSaga; i++)
            {
                var loaded = (await _repository.FindAsync(saga.CorrelationId))!;
                loaded.Steps.Add(new SampleStep($"step-{i}", i, DateTimeOffset.UtcNow));
                await _repository.UpdateAsync(loaded);
                await _repository.ListAsync(limit: 10);
            }
        }

        await Task.WhenAll(sagas.Select(saga => Task.Run(() => Drive(saga))));

        var stored = await _repository.ListAsync(limit: 100);
        Assert.Equal(50, stored.Count);
        Assert.All(stored, saga =>
        {
            Assert.Equal(1 + updatesPerSaga, saga.Version);
            Assert.Equal(1 + updatesPerSaga, saga.Steps.Count);
        });
    }

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

    static async Task<Exception?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
