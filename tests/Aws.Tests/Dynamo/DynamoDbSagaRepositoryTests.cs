using Amazon.DynamoDBv2.Model;
using MassTransit;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Tests.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>The saga store contract against DynamoDB's API as dynalite serves it, and what is DynamoDB's
/// own: the item layout, conditional failures, consistent reads, paging order and TTL.</summary>
public sealed class DynamoDbSagaRepositoryTests(LocalDynamoDb dynamo) : SagaStoreContract, IClassFixture<LocalDynamoDb>, IAsyncLifetime
{
    DynamoDbSettings _settings = null!;
    ObservedDynamoDbClient _client = null!;
    DynamoDbSagaRepository<SampleSaga> _repository = null!;

    protected override ISagaStore<SampleSaga> Store => _repository;

    protected override ISagaStore<SampleSaga> StoreForAnotherSagaType() => Repository(o => o.SagaType = "OtherSaga");

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
    public async Task A_duplicate_insert_is_exactly_one_failed_attribute_not_exists_condition()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);
        var twin = NewSaga();
        twin.CorrelationId = saga.CorrelationId;

        var conflict = await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.InsertAsync(twin));

        Assert.IsType<ConditionalCheckFailedException>(conflict.InnerException);
        Assert.Equal(1, _client.ConditionalFailures);
    }

    protected override void AssertConflictCameFromTheStore(ConcurrencyException conflict)
    {
        Assert.IsType<ConditionalCheckFailedException>(conflict.InnerException);
        Assert.Equal(1, _client.ConditionalFailures);
    }

    [Fact]
    public async Task The_loser_of_a_race_keeps_the_version_it_loaded_so_a_retry_reloads()
    {
        var saga = NewSaga();
        await _repository.InsertAsync(saga);
        var first = (await _repository.FindAsync(saga.CorrelationId))!;
        var second = (await _repository.FindAsync(saga.CorrelationId))!;

        await _repository.UpdateAsync(first);
        await Assert.ThrowsAsync<ConcurrencyException>(() => _repository.UpdateAsync(second));

        Assert.Equal(1, second.Version);
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
}
