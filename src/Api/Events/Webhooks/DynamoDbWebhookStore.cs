using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Events.Webhooks;

/// <summary>
/// Webhook subscriptions and deliveries in one DynamoDB table, shared by every process of a deployment, so
/// a subscription made through one API process is served by all, and each delivery is sent by exactly one.
/// Subscriptions are items under one partition; a subscription's deliveries under a partition of their own.
/// A pending delivery carries <see cref="DynamoDbDueIndex.Partition"/>, which puts it in the sparse due index
/// ordered by its next attempt; a dispatcher takes one by a conditional update that leases it (only a pending
/// delivery with no live lease, at the attempt count it read), so two processes never send the same
/// attempt, and a process that dies mid-attempt leaves it to another once the lease runs out.
/// </summary>
public sealed class DynamoDbWebhookStore(IAmazonDynamoDB client, string tableName, TimeProvider clock, WebhookDispatchSignal signal,
    TimeSpan lease) : IWebhookSubscriptionStore, IWebhookOutbox
{
    const string PartitionKey = DynamoDbSagaAttributes.PartitionKey;
    const string SortKey = DynamoDbSagaAttributes.SortKey;
    const string Subscriptions = "subscriptions";
    const string Pending = "pending";

    static string DeliveriesOf(Guid subscriptionId) => $"deliveries#{subscriptionId:D}";

    // The round-trip format of a UTC time, as the other tables write theirs: fixed width (seven fraction digits,
    // a final Z), so it sorts as it compares, which the due index's range key needs.
    static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    static AttributeValue S(string value) => new() { S = value };

    static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public async Task<WebhookSubscription> AddAsync(Uri url, IReadOnlyList<string> events, string secret, CancellationToken ct)
    {
        var subscription = new WebhookSubscription(Guid.NewGuid(), url, events, secret, clock.GetUtcNow());
        await client.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                [PartitionKey] = S(Subscriptions),
                [SortKey] = S(subscription.Id.ToString("D")),
                ["Url"] = S(url.AbsoluteUri),
                ["Events"] = S(JsonSerializer.Serialize(events)),
                ["Secret"] = S(secret),
                ["CreatedAt"] = S(Time(subscription.CreatedAt)),
            },
        }, ct);
        return subscription;
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(CancellationToken ct) =>
        (await QueryAllAsync(Subscriptions, ct)).Select(item => new WebhookSubscription(
                Guid.Parse(item[SortKey].S), new Uri(item["Url"].S), JsonSerializer.Deserialize<List<string>>(item["Events"].S) ?? [],
                item["Secret"].S, Time(item["CreatedAt"].S)))
            .OrderBy(s => s.CreatedAt).ToList();

    public async Task<WebhookSubscription?> FindAsync(Guid id, CancellationToken ct) => (await ListAsync(ct)).FirstOrDefault(s => s.Id == id);

    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct)
    {
        var removed = await client.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = tableName,
            Key = new() { [PartitionKey] = S(Subscriptions), [SortKey] = S(id.ToString("D")) },
            ReturnValues = ReturnValue.ALL_OLD,
        }, ct);
        foreach (var delivery in await QueryAllAsync(DeliveriesOf(id), ct))
            await client.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = tableName,
                Key = new() { [PartitionKey] = delivery[PartitionKey], [SortKey] = delivery[SortKey] },
            }, ct);
        return removed.Attributes is { Count: > 0 };
    }

    public async Task<int> EnqueueAsync(CompletionEvent completion, CancellationToken ct)
    {
        var now = Time(clock.GetUtcNow());
        var queued = 0;
        foreach (var subscription in (await ListAsync(ct)).Where(s => s.Wants(completion.Type)))
        {
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = new()
                    {
                        [PartitionKey] = S(DeliveriesOf(subscription.Id)),
                        // Named by event and subscription: a redelivered bus message finds its delivery queued.
                        [SortKey] = S(NameBasedGuid.From($"{completion.Id:D}|{subscription.Id:D}").ToString("D")),
                        ["EventId"] = S(completion.Id.ToString("D")),
                        ["EventType"] = S(completion.Type),
                        ["Payload"] = S(completion.ToJson()),
                        ["State"] = S(WebhookDeliveryState.Pending),
                        ["Attempts"] = N(0),
                        [DynamoDbDueIndex.Partition] = S(Pending),
                        [DynamoDbDueIndex.NextAttemptAt] = S(now),
                        ["CreatedAt"] = S(now),
                        ["UpdatedAt"] = S(now),
                    },
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
                }, ct);
                queued++;
            }
            catch (ConditionalCheckFailedException)
            {
                // Already queued.
            }
        }
        if (queued > 0)
            signal.Wake();
        return queued;
    }

    public async Task<IReadOnlyList<DueDelivery>> TakeDueAsync(int limit, IReadOnlyCollection<Guid> sending, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Read once there is something due: every dispatcher asks every second, and mostly nothing is.
        Dictionary<Guid, WebhookSubscription>? subscriptions = null;
        var taken = new List<DueDelivery>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            // The index is read eventually consistently; the conditional take reads the item itself.
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                IndexName = DynamoDbDueIndex.Name,
                KeyConditionExpression = "#due = :pending AND #next <= :now",
                ExpressionAttributeNames = new() { ["#due"] = DynamoDbDueIndex.Partition, ["#next"] = DynamoDbDueIndex.NextAttemptAt },
                ExpressionAttributeValues = new() { [":pending"] = S(Pending), [":now"] = S(Time(now)) },
                ExclusiveStartKey = after,
            }, ct);
            foreach (var key in page.Items ?? [])
            {
                var (id, subscriptionId) = (Guid.Parse(key[SortKey].S), Guid.Parse(key[PartitionKey].S["deliveries#".Length..]));
                if (sending.Contains(id))
                    continue;
                subscriptions ??= (await ListAsync(ct)).ToDictionary(s => s.Id);
                if (!subscriptions.TryGetValue(subscriptionId, out var subscription))
                    continue;
                if (await TakeAsync(key, now, ct) is { } item)
                    taken.Add(new DueDelivery(id, Guid.Parse(item["EventId"].S), item["EventType"].S, item["Payload"].S,
                        int.Parse(item["Attempts"].N, CultureInfo.InvariantCulture), subscription.Url, subscription.Secret, subscriptionId));
                if (taken.Count == limit)
                    return taken;
            }
            after = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);
        return taken;
    }

    /// <summary>The delivery's item once leased to this caller; null when it was sent, rescheduled or taken meanwhile.</summary>
    async Task<Dictionary<string, AttributeValue>?> TakeAsync(Dictionary<string, AttributeValue> key, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var answer = await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [PartitionKey] = key[PartitionKey], [SortKey] = key[SortKey] },
                UpdateExpression = "SET #lease = :until",
                ConditionExpression = "#state = :pending AND #next <= :now AND (attribute_not_exists(#lease) OR #lease < :now)",
                ExpressionAttributeNames = new() { ["#lease"] = "LeaseUntil", ["#state"] = "State", ["#next"] = DynamoDbDueIndex.NextAttemptAt },
                ExpressionAttributeValues = new()
                {
                    [":until"] = S(Time(now + lease)),
                    [":pending"] = S(WebhookDeliveryState.Pending),
                    [":now"] = S(Time(now)),
                },
                ReturnValues = ReturnValue.ALL_NEW,
            }, ct);
            return answer.Attributes;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    public async Task RecordAttemptAsync(DueDelivery delivery, int? statusCode, string? error, string state, DateTimeOffset retryAt,
        CancellationToken ct)
    {
        var now = Time(clock.GetUtcNow());
        var attempt = delivery.Attempts + 1;
        var entry = new Dictionary<string, AttributeValue> { ["Attempt"] = N(attempt), ["At"] = S(now) };
        var values = new Dictionary<string, AttributeValue>
        {
            [":state"] = S(state),
            [":attempt"] = N(attempt),
            [":previous"] = N(delivery.Attempts),
            [":next"] = S(Time(retryAt)),
            [":now"] = S(now),
            [":entry"] = new() { L = [new AttributeValue { M = entry }] },
            [":none"] = new() { L = [] },
        };
        var set = "#state = :state, Attempts = :attempt, #next = :next, UpdatedAt = :now, " +
                  "AttemptLog = list_append(if_not_exists(AttemptLog, :none), :entry)";
        var remove = new List<string> { "LeaseUntil" };
        if (statusCode is { } status)
        {
            (entry["StatusCode"], values[":status"]) = (N(status), N(status));
            set += ", LastStatusCode = :status";
        }
        else
            remove.Add("LastStatusCode");
        if (error is not null)
        {
            (entry["Error"], values[":error"]) = (S(error), S(error));
            set += ", LastError = :error";
        }
        else
            remove.Add("LastError");
        // Out of the due index once sent or given up.
        if (state == WebhookDeliveryState.Pending)
        {
            values[":pending"] = S(Pending);
            set += ", #due = :pending";
        }
        else
            remove.Add("#due");

        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [PartitionKey] = S(DeliveriesOf(delivery.SubscriptionId)), [SortKey] = S(delivery.Id.ToString("D")) },
                UpdateExpression = $"SET {set} REMOVE {string.Join(", ", remove)}",
                // The subscription may have been deleted while the request was out: then there is nothing to record.
                ConditionExpression = "attribute_exists(#pk) AND Attempts = :previous",
                ExpressionAttributeNames = new()
                {
                    ["#pk"] = PartitionKey, ["#state"] = "State", ["#next"] = DynamoDbDueIndex.NextAttemptAt, ["#due"] = DynamoDbDueIndex.Partition,
                },
                ExpressionAttributeValues = values,
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
        }
    }

    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(Guid subscriptionId, int limit, CancellationToken ct) =>
        (await QueryAllAsync(DeliveriesOf(subscriptionId), ct))
            .Select(item => new WebhookDelivery(
                Guid.Parse(item[SortKey].S), subscriptionId, Guid.Parse(item["EventId"].S), item["EventType"].S, item["State"].S,
                int.Parse(item["Attempts"].N, CultureInfo.InvariantCulture), Time(item[DynamoDbDueIndex.NextAttemptAt].S),
                item.TryGetValue("LastStatusCode", out var status) ? int.Parse(status.N, CultureInfo.InvariantCulture) : null,
                item.TryGetValue("LastError", out var error) ? error.S : null,
                Time(item["CreatedAt"].S), Time(item["UpdatedAt"].S),
                (item.TryGetValue("AttemptLog", out var log) ? log.L : []).Select(a => new WebhookAttempt(
                    int.Parse(a.M["Attempt"].N, CultureInfo.InvariantCulture), Time(a.M["At"].S),
                    a.M.TryGetValue("StatusCode", out var code) ? int.Parse(code.N, CultureInfo.InvariantCulture) : null,
                    a.M.TryGetValue("Error", out var why) ? why.S : null)).ToList()))
            .OrderByDescending(d => d.CreatedAt).Take(limit).ToList();

    async Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(string partition, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :partition",
                ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
                ExpressionAttributeValues = new() { [":partition"] = S(partition) },
                ExclusiveStartKey = after,
            }, ct);
            items.AddRange(page.Items ?? []);
            after = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);
        return items;
    }
}
