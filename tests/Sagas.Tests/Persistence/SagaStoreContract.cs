using MassTransit;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Sagas.Tests.Persistence;

/// <summary>
/// What every <see cref="ISagaStore{TSaga}"/> promises, whatever it is built on: sagas round-trip whole,
/// every write checks the version it was loaded at, and listing serves the status API and the start-up
/// resume. Each store's test class derives from this and adds what is its own.
/// </summary>
public abstract class SagaStoreContract
{
    /// <summary>The store under test, empty at the start of each test.</summary>
    protected abstract ISagaStore<SampleSaga> Store { get; }

    /// <summary>A store over the same storage for another saga type.</summary>
    protected abstract ISagaStore<SampleSaga> StoreForAnotherSagaType();

    protected static SampleSaga NewSaga(string state = "Extracting") => new()
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

        await Store.InsertAsync(saga);
        var loaded = await Store.FindAsync(saga.CorrelationId);

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
    public async Task A_missing_saga_is_null()
    {
        Assert.Null(await Store.FindAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task An_update_advances_the_version_and_a_delete_removes_the_saga()
    {
        var saga = NewSaga();
        await Store.InsertAsync(saga);

        var loaded = (await Store.FindAsync(saga.CorrelationId))!;
        loaded.CurrentState = "Completed";
        loaded.FinishedAt = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        loaded.Steps.Add(new SampleStep("extract", 50, DateTimeOffset.UnixEpoch));
        await Store.UpdateAsync(loaded);

        var updated = (await Store.FindAsync(saga.CorrelationId))!;
        Assert.Equal(2, updated.Version);
        Assert.Equal("Completed", updated.CurrentState);
        Assert.Equal(loaded.FinishedAt, updated.FinishedAt);
        Assert.Equal(2, updated.Steps.Count);

        await Store.DeleteAsync(updated);
        Assert.Null(await Store.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Inserting_an_id_that_already_exists_is_a_concurrency_conflict_and_leaves_the_first_saga()
    {
        var saga = NewSaga("Extracting");
        await Store.InsertAsync(saga);

        var twin = NewSaga("Matching");
        twin.CorrelationId = saga.CorrelationId;

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.InsertAsync(twin));
        Assert.Equal("Extracting", (await Store.FindAsync(saga.CorrelationId))!.CurrentState);
    }

    [Fact]
    public async Task Of_two_concurrent_updates_from_the_same_version_one_wins_and_the_other_gets_a_concurrency_exception()
    {
        var saga = NewSaga();
        await Store.InsertAsync(saga);
        var first = (await Store.FindAsync(saga.CorrelationId))!;
        var second = (await Store.FindAsync(saga.CorrelationId))!;
        first.Steps.Add(new SampleStep("first", 1, DateTimeOffset.UnixEpoch));
        second.Steps.Add(new SampleStep("second", 2, DateTimeOffset.UnixEpoch));

        var outcomes = await Task.WhenAll(
            Outcome(() => Store.UpdateAsync(first)),
            Outcome(() => Store.UpdateAsync(second)));

        Assert.Single(outcomes, o => o is null);
        var conflict = Assert.IsType<ConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        AssertConflictCameFromTheStore(conflict);
        var stored = (await Store.FindAsync(saga.CorrelationId))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Steps.Count);
    }

    /// <summary>A store may say more about a conflict (DynamoDB: the failed condition behind it).</summary>
    protected virtual void AssertConflictCameFromTheStore(ConcurrencyException conflict)
    {
    }

    [Fact]
    public async Task Updating_a_saga_that_was_deleted_meanwhile_is_a_conflict_and_does_not_recreate_it()
    {
        var saga = NewSaga();
        await Store.InsertAsync(saga);
        var loaded = (await Store.FindAsync(saga.CorrelationId))!;
        await Store.DeleteAsync((await Store.FindAsync(saga.CorrelationId))!);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.UpdateAsync(loaded));
        Assert.Null(await Store.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Deleting_an_instance_that_changed_since_it_was_loaded_is_refused()
    {
        var saga = NewSaga();
        await Store.InsertAsync(saga);
        var stale = (await Store.FindAsync(saga.CorrelationId))!;
        var fresh = (await Store.FindAsync(saga.CorrelationId))!;
        await Store.UpdateAsync(fresh);

        await Assert.ThrowsAsync<ConcurrencyException>(() => Store.DeleteAsync(stale));
        Assert.NotNull(await Store.FindAsync(saga.CorrelationId));
    }

    [Fact]
    public async Task Listing_unfinished_sagas_skips_the_final_states_and_keeps_finished_ones_queryable()
    {
        var running = NewSaga("Extracting");
        var completed = NewSaga("Completed");
        var failed = NewSaga("Failed");
        foreach (var saga in new[] { running, completed, failed })
            await Store.InsertAsync(saga);

        var unfinished = await Store.ListUnfinishedAsync(["Completed", "Failed"]);
        var onlyCompleted = await Store.ListAsync(state: "Completed");
        var all = await Store.ListAsync();

        Assert.Equal(running.CorrelationId, Assert.Single(unfinished).CorrelationId);
        Assert.Equal(completed.CorrelationId, Assert.Single(onlyCompleted).CorrelationId);
        Assert.Equal(3, all.Count);
    }

    [Fact]
    public async Task Pages_by_offset_add_up_to_the_count_without_repeating_an_instance()
    {
        for (var i = 0; i < 5; i++)
            await Store.InsertAsync(NewSaga(i < 2 ? "Completed" : "Extracting"));

        var pages = new[] { await Store.ListAsync(limit: 2, offset: 0), await Store.ListAsync(limit: 2, offset: 2), await Store.ListAsync(limit: 2, offset: 4) };

        Assert.Equal(5, await Store.CountAsync());
        Assert.Equal(2, await Store.CountAsync("Completed"));
        Assert.Equal(0, await Store.CountAsync("Failed"));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Count));
        Assert.Equal(5, pages.SelectMany(p => p).Select(s => s.CorrelationId).Distinct().Count());
    }

    [Fact]
    public async Task With_no_final_states_every_saga_counts_as_unfinished()
    {
        await Store.InsertAsync(NewSaga("Completed"));
        await Store.InsertAsync(NewSaga("Extracting"));

        Assert.Equal(2, (await Store.ListUnfinishedAsync([])).Count);
    }

    [Fact]
    public async Task Saga_types_sharing_the_storage_do_not_see_or_overwrite_each_other_even_with_the_same_id()
    {
        var other = StoreForAnotherSagaType();
        var saga = NewSaga("Extracting");
        var sameIdOtherType = NewSaga("Matching");
        sameIdOtherType.CorrelationId = saga.CorrelationId;

        await Store.InsertAsync(saga);
        await other.InsertAsync(sameIdOtherType);

        Assert.Equal("Extracting", (await Store.FindAsync(saga.CorrelationId))!.CurrentState);
        Assert.Equal("Matching", (await other.FindAsync(saga.CorrelationId))!.CurrentState);
        Assert.Single(await Store.ListAsync());
        Assert.Single(await other.ListAsync());
    }

    [Fact]
    public async Task Fifty_sagas_updated_concurrently_with_readers_alongside_all_keep_every_update()
    {
        var sagas = Enumerable.Range(0, 50).Select(_ => NewSaga()).ToList();
        const int updatesPerSaga = 5;

        async Task Drive(SampleSaga saga)
        {
            await Store.InsertAsync(saga);
            for (var i = 0; i < updatesPerSaga; i++)
            {
                var loaded = (await Store.FindAsync(saga.CorrelationId))!;
                loaded.Steps.Add(new SampleStep($"step-{i}", i, DateTimeOffset.UtcNow));
                await Store.UpdateAsync(loaded);
                await Store.ListAsync(limit: 10);
            }
        }

        await Task.WhenAll(sagas.Select(saga => Task.Run(() => Drive(saga))));

        var stored = await Store.ListAsync(limit: 100);
        Assert.Equal(50, stored.Count);
        Assert.All(stored, saga =>
        {
            Assert.Equal(1 + updatesPerSaga, saga.Version);
            Assert.Equal(1 + updatesPerSaga, saga.Steps.Count);
        });
    }

    protected static async Task<Exception?> Outcome(Func<Task> action)
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
