using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MassTransit;
using SagaItem = ShoppableVideo.Sagas.Persistence.DynamoDbSagaAttributes;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Saga instances of one type stored as JSON items in a DynamoDB table, with optimistic concurrency on the
/// <c>Version</c> attribute: every write is conditional, a write that lost a race throws
/// <see cref="ConcurrencyException"/>, and the consumer pipeline's retry policy replays the message against
/// the winner's state. The sibling of <see cref="SqliteSagaRepository{TSaga}"/>; MassTransit reaches it
/// through <see cref="SagaStoreRepositoryContextFactory{TSaga}"/>.
/// </summary>
public sealed class DynamoDbSagaRepository<TSaga> : ISagaStore<TSaga>
    where TSaga : class, ISagaVersion
{
    readonly IAmazonDynamoDB _client;
    readonly DynamoDbSagaRepositoryOptions<TSaga> _options;

    public DynamoDbSagaRepository(IAmazonDynamoDB client, DynamoDbSagaRepositoryOptions<TSaga>? options = null)
    {
        _client = client;
        _options = options ?? new DynamoDbSagaRepositoryOptions<TSaga>();
    }

    public string SagaType => _options.SagaType;

    public string Persistence => "dynamodb";

    public string TableName => _options.TableName;

    /// <summary>Stores a new instance at version 1; an existing item with the same id is a conflict.</summary>
    public async Task InsertAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        const int firstVersion = 1;
        var previousVersion = instance.Version;
        instance.Version = firstVersion;

        try
        {
            await _client.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = ToItem(instance),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = SagaItem.PartitionKey },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            instance.Version = previousVersion;
            throw new ConcurrencyException($"{SagaType} {instance.CorrelationId} already exists", typeof(TSaga),
                instance.CorrelationId, exception);
        }
    }

    /// <summary>
    /// Writes the instance if the stored version is still the one it was loaded at, and advances both.
    /// A whole-item put rather than an update expression: the item is the saga, and attributes that no
    /// longer apply (an expiry after a saga left a final state) disappear with the old item.
    /// </summary>
    public async Task UpdateAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        var expectedVersion = instance.Version;
        instance.Version = expectedVersion + 1;

        try
        {
            await _client.PutItemAsync(new PutItemRequest
            {
                TableName = TableName,
                Item = ToItem(instance),
                // A missing item fails this too: an instance deleted meanwhile is not silently recreated.
                ConditionExpression = "#version = :expected",
                ExpressionAttributeNames = new() { ["#version"] = SagaItem.Version },
                ExpressionAttributeValues = new() { [":expected"] = Number(expectedVersion) },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            // Leave the instance as it was so a caller that inspects it sees what it loaded.
            instance.Version = expectedVersion;
            throw new ConcurrencyException(
                $"{SagaType} {instance.CorrelationId} was changed or removed since version {expectedVersion} was loaded",
                typeof(TSaga), instance.CorrelationId, exception);
        }
    }

    /// <summary>Removes a finalized instance, unless someone changed it after it was loaded.</summary>
    public async Task DeleteAsync(TSaga instance, CancellationToken cancellationToken = default)
    {
        try
        {
            await _client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = TableName,
                Key = KeyOf(instance.CorrelationId),
                ConditionExpression = "#version = :expected",
                ExpressionAttributeNames = new() { ["#version"] = SagaItem.Version },
                ExpressionAttributeValues = new() { [":expected"] = Number(instance.Version) },
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException exception)
        {
            throw new ConcurrencyException(
                $"{SagaType} {instance.CorrelationId} was changed or removed since version {instance.Version} was loaded",
                typeof(TSaga), instance.CorrelationId, exception);
        }
    }

    /// <summary>A strongly consistent read: a retry after a conflict must see the winner's write.</summary>
    public async Task<TSaga?> FindAsync(Guid correlationId, CancellationToken cancellationToken = default)
    {
        var response = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = KeyOf(correlationId),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);

        // SDK v4 leaves Item null, not empty, when there is no such item.
        return response.Item is { Count: > 0 } item ? FromItem(item) : null;
    }

    public async Task<IReadOnlyList<TSaga>> ListAsync(int limit = 100, int offset = 0, string? state = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);

        var items = await ScanAsync(state is null ? null : "#state = :state",
            state is null ? null : new() { [":state"] = new AttributeValue { S = state } },
            cancellationToken).ConfigureAwait(false);
        return items
            .OrderByDescending(UpdatedAtOf, StringComparer.Ordinal).ThenBy(item => item[SagaItem.PartitionKey].S, StringComparer.Ordinal)
            .Skip(offset).Take(limit)
            .Select(FromItem)
            .ToList();
    }

    public async Task<int> CountAsync(string? state = null, CancellationToken cancellationToken = default) =>
        (await ScanAsync(state is null ? null : "#state = :state",
            state is null ? null : new() { [":state"] = new AttributeValue { S = state } },
            cancellationToken).ConfigureAwait(false)).Count;

    public async Task<IReadOnlyList<TSaga>> ListUnfinishedAsync(IReadOnlyCollection<string> finalStateNames,
        CancellationToken cancellationToken = default)
    {
        var names = finalStateNames.ToArray();
        var items = await ScanAsync(
            names.Length == 0
                ? null
                : $"attribute_not_exists(#state) OR NOT (#state IN ({string.Join(", ", names.Select((_, i) => $":final{i}"))}))",
            names.Length == 0
                ? null
                : names.Select((name, i) => (name, i)).ToDictionary(n => $":final{n.i}", n => new AttributeValue { S = n.name }),
            cancellationToken).ConfigureAwait(false);
        return items
            .OrderBy(UpdatedAtOf, StringComparer.Ordinal).ThenBy(item => item[SagaItem.PartitionKey].S, StringComparer.Ordinal)
            .Select(FromItem)
            .ToList();
    }

    /// <summary>
    /// Correlation ids of the instances matching a MassTransit saga query. The expression runs over every
    /// instance of this saga type, as in the SQLite repository; our sagas correlate by id wherever they can.
    /// </summary>
    public async Task<IList<Guid>> FindIdsAsync(ISagaQuery<TSaga> query, CancellationToken cancellationToken = default)
    {
        var matches = query.GetFilter();
        var items = await ScanAsync(null, null, cancellationToken).ConfigureAwait(false);
        return items.Select(FromItem).Where(matches).Select(instance => instance.CorrelationId).ToList();
    }

    /// <summary>
    /// Every item of this saga type, optionally narrowed by a filter on the state. A consistent Scan rather
    /// than a secondary index: listing serves the status API and the start-up resume, finished sagas leave
    /// through TTL, and a Scan needs nothing beyond the key schema from the CDK stack. A GSI on
    /// (SK, UpdatedAt) is the step to take when the table outgrows that.
    /// </summary>
    async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(string? stateFilter,
        Dictionary<string, AttributeValue>? values, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#sk"] = SagaItem.SortKey };
        if (stateFilter is not null)
            names["#state"] = SagaItem.State;
        var filterValues = new Dictionary<string, AttributeValue>(values ?? []) { [":type"] = new() { S = SagaType } };
        var filter = stateFilter is null ? "#sk = :type" : $"#sk = :type AND ({stateFilter})";

        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await _client.ScanAsync(new ScanRequest
            {
                TableName = TableName,
                ConsistentRead = true,
                FilterExpression = filter,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = filterValues,
                ExclusiveStartKey = startKey,
            }, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return items;
    }

    Dictionary<string, AttributeValue> KeyOf(Guid correlationId) => new()
    {
        [SagaItem.PartitionKey] = new AttributeValue { S = correlationId.ToString("D") },
        [SagaItem.SortKey] = new AttributeValue { S = SagaType },
    };

    Dictionary<string, AttributeValue> ToItem(TSaga instance)
    {
        var now = _options.Clock.GetUtcNow();
        var item = KeyOf(instance.CorrelationId);
        item[SagaItem.Data] = new AttributeValue { S = JsonSerializer.Serialize(instance, _options.JsonOptions) };
        item[SagaItem.Version] = Number(instance.Version);
        item[SagaItem.UpdatedAt] = new AttributeValue { S = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };

        var state = _options.StateOf(instance);
        // DynamoDB refuses empty strings in no attribute but keys; a saga without a state simply has none.
        if (!string.IsNullOrEmpty(state))
            item[SagaItem.State] = new AttributeValue { S = state };
        if (_options.FinishedTimeToLive is { } timeToLive && state is not null && _options.FinalStates.Contains(state))
            item[SagaItem.ExpiresAt] = Number((now + timeToLive).ToUnixTimeSeconds());
        return item;
    }

    TSaga FromItem(Dictionary<string, AttributeValue> item)
    {
        var instance = JsonSerializer.Deserialize<TSaga>(item[SagaItem.Data].S, _options.JsonOptions)
            ?? throw new InvalidOperationException($"{SagaType} item holds JSON null");
        // The attribute, not the JSON copy, is what the conditional write compares against.
        instance.Version = int.Parse(item[SagaItem.Version].N, CultureInfo.InvariantCulture);
        return instance;
    }

    // "O" timestamps in UTC have a fixed width, so ordinal order is time order.
    static string UpdatedAtOf(Dictionary<string, AttributeValue> item) => item[SagaItem.UpdatedAt].S;

    static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
