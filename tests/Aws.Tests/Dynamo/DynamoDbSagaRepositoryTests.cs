using Amazon.DynamoDBv2.Model;
using MassTransit;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Tests.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>The SQLite repository's scenarios, against DynamoDB's API as dynalite serves it.</summary>
public sealed class DynamoDbSagaRepositoryTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>, IAsyncLifetime
{
    DynamoDbSettings _settings = null!;
    ObservedDynamoDbClient _client = null!;
    DynamoDbSagaRepository<SampleSaga> _repository = null!;

    public async Task InitializeAsync()
    {
        _settings = await dynamo.NewTablesAsync();
        _client = new ObservedDynamoDbClient(_settings);
        _repository = Repository();
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    DynamoDbSagaRepository<SampleSaga> Repository(Action<DynamoDbSagaRepositoryOptions<SampleSaga>>? configure = null)
    {
        var options = new DynamoDbSagaRepositoryOptions<SampleSaga> { TableName = _settings.SagaTable };
        configure?.Invoke(options);
        return new DynamoDbSagaRepository<SampleSaga>(_client, options);
    }

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
    public async Task The_item_is_keyed_by_the_correlation_id_and_saga_type_with_state_and_version_beside_the_json()
    {
        var saga = NewSaga("Matching");
        await _repository.InsertAsync(saga);

        var item = await RawItem(saga.CorrelationId);

        Assert.Equal(saga.CorrelationId.ToString("D"), item["PK"].S);
        Assert.Equal(nameof(SampleSaga), item["SK"].S);
        Assert.Equal("Matching", item["State"].S);
        Assert.Equal("1", item["Version"].N);
        Assert.Contains("\"Kind\":\"Catalog\"", item["Data"].S);
        Assert.False(item.ContainsKey("ExpiresAt"));
    }

    [Fact]
    public async Task A_missing_saga_is_null()
    {
        Assert.Null(await _repository.FindAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task An_update_advances_the_version_and_a_delete_removes_the_item()
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
    public async Task Inserting_an_id_that_already_exists_is_a_concurrency_conflict_and_leaves_the_first_saga()
    {
        var saga = NewSaga("Extracting");
        await _repository.InsertAsync(saga);

        var twin = NewSaga("Matching");
        twin.CorrelationId = saga.CorrelationId;

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.InsertAsync(twin));
        Assert.Equal(1, _client.ConditionalFailures);
        Assert.Equal("Extracting", (await _repository.FindAsync(saga.CorrelationId))!.CurrentState);
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
        var conflict = Assert.IsType<ConcurrencyException>(Assert.Single(outcomes, o => o is not null));
        Assert.IsType<ConditionalCheckFailedException>(conflict.InnerException);
        Assert.Equal(1, _client.ConditionalFailures);
        var stored = (await _repository.FindAsync(saga.CorrelationId))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(2, stored.Steps.Count);
        // The loser keeps the version it loaded, so a retry reloads rather than writing on top.
        Assert.Contains(1, new[] { first.Version, second.Version });
    }

    [Fact]
    public async Task Updating_a_saga_that_was_deleted_meanwhile_is_a_conflict_and_does_not_recreate_it()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);
        var loaded = (await _repository.FindAsync(saga.CorrelationId))!;
        await _repository.DeleteAsync((await _repository.FindAsync(saga.CorrelationId))!);

        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.UpdateAsync(loaded));
        Assert.Null(await _repository.FindAsync(saga.CorrelationId));
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
    public async Task Every_read_asks_for_strong_consistency()
    {
        var saga = NewSaga("Completed");
        await _repository.InsertAsync(saga);

        await _repository.FindAsync(saga.CorrelationId);
        await _repository.ListAsync(state: "Completed");
        await _repository.ListUnfinishedAsync(["Completed"]);

        Assert.Equal(["GetItem", "Scan", "Scan"], _client.Reads.Select(r => r.Operation));
        Assert.All(_client.Reads, r => Assert.True(r.ConsistentRead, $"{r.Operation} was not a consistent read"));
    }

    [Fact]
    public async Task Listing_filters_by_state_pages_most_recent_first_and_skips_final_states_when_resuming()
    {
        var clock = new MutableClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var repository = Repository(o => o.Clock = clock);
        var running = NewSaga("Extracting");
        var completed = NewSaga("Completed");
        var failed = NewSaga("Failed");
        foreach (var saga in new[] { running, completed, failed })
        {
            await repository.InsertAsync(saga);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var unfinished = await repository.ListUnfinishedAsync(["Completed", "Failed"]);
        var onlyCompleted = await repository.ListAsync(state: "Completed");
        var all = await repository.ListAsync();
        var secondPage = await repository.ListAsync(limit: 1, offset: 1);

        Assert.Equal(running.CorrelationId, Assert.Single(unfinished).CorrelationId);
        Assert.Equal(completed.CorrelationId, Assert.Single(onlyCompleted).CorrelationId);
        Assert.Equal([failed.CorrelationId, completed.CorrelationId, running.CorrelationId], all.Select(s => s.CorrelationId));
        Assert.Equal(completed.CorrelationId, Assert.Single(secondPage).CorrelationId);
        Assert.Equal(3, (await repository.ListUnfinishedAsync([])).Count);
    }

    [Fact]
    public async Task Saga_types_sharing_the_table_do_not_see_or_overwrite_each_other_even_with_the_same_id()
    {
        var other = Repository(o => o.SagaType = "OtherSaga");
        var saga = NewSaga("Extracting");
        var sameIdOtherType = NewSaga("Matching");
        sameIdOtherType.CorrelationId = saga.CorrelationId;

        await _repository.InsertAsync(saga);
        await other.InsertAsync(sameIdOtherType);

        Assert.Equal("Extracting", (await _repository.FindAsync(saga.CorrelationId))!.CurrentState);
        Assert.Equal("Matching", (await other.FindAsync(saga.CorrelationId))!.CurrentState);
        Assert.Single(await _repository.ListAsync());
        Assert.Single(await other.ListAsync());
    }

    [Fact]
    public async Task A_saga_reaching_a_final_state_gets_an_expiry_when_a_retention_is_configured()
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var repository = Repository(o =>
        {
            o.FinalStates = ["Completed", "Failed"];
            o.FinishedTimeToLive = TimeSpan.FromDays(7);
            o.Clock = new FixedClock(now);
        });
        var saga = NewSaga("Extracting");
        await repository.InsertAsync(saga);
        Assert.False((await RawItem(saga.CorrelationId)).ContainsKey("ExpiresAt"));

        var loaded = (await repository.FindAsync(saga.CorrelationId))!;
        loaded.CurrentState = "Completed";
        await repository.UpdateAsync(loaded);

        var item = await RawItem(saga.CorrelationId);
        Assert.Equal($"{now.AddDays(7).ToUnixTimeSeconds()}", item["ExpiresAt"].N);
    }

    [Fact]
    public async Task Without_a_retention_a_finished_saga_has_no_expiry()
    {
        var repository = Repository(o => o.FinalStates = ["Completed"]);
        var saga = NewSaga("Completed");

        await repository.InsertAsync(saga);

        Assert.False((await RawItem(saga.CorrelationId)).ContainsKey("ExpiresAt"));
    }

    [Fact]
    public async Task Fifty_sagas_updated_concurrently_with_readers_alongside_all_keep_every_update()
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

    async Task<Dictionary<string, AttributeValue>> RawItem(Guid correlationId)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _settings.SagaTable,
            Key = new()
            {
                ["PK"] = new AttributeValue { S = correlationId.ToString("D") },
                ["SK"] = new AttributeValue { S = nameof(SampleSaga) },
            },
            ConsistentRead = true,
        });
        return response.Item ?? throw new InvalidOperationException($"no item for {correlationId}");
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
