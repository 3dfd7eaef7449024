using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Events;

/// <summary>
/// Recent completion events in DynamoDB, shared by every API process: one partition, sorted by when the event
/// was sent (the bus message's time, the same in every process) and its id, so the newest are one Query away.
/// Each process hearing an event puts the same item, which is harmless. Completions come a few per video, far
/// below what one partition takes; items expire after <see cref="Retention"/> (TTL on the table's ExpiresAt).
/// </summary>
public sealed class DynamoDbCompletionEventLog(IAmazonDynamoDB client, string tableName, CompletionEventOptions options, TimeProvider clock)
    : ICompletionEventLog
{
    const string Partition = "completion-events";
    const string Document = "Event";

    /// <summary>Far longer than any client stays away: the log only has to outlast a reconnect.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    public Task AppendAsync(CompletionEvent completion, CancellationToken cancellationToken) =>
        client.PutItemAsync(new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                [DynamoDbSagaAttributes.PartitionKey] = new() { S = Partition },
                [DynamoDbSagaAttributes.SortKey] = new() { S = SortKeyOf(completion) },
                [Document] = new() { S = completion.ToJson() },
                [DynamoDbSagaAttributes.ExpiresAt] = new() { N = clock.GetUtcNow().Add(Retention).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);

    public async Task<IReadOnlyList<CompletionEvent>> RecentAsync(CancellationToken cancellationToken)
    {
        var newestFirst = new List<CompletionEvent>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                KeyConditionExpression = "#pk = :events",
                ExpressionAttributeNames = new() { ["#pk"] = DynamoDbSagaAttributes.PartitionKey },
                ExpressionAttributeValues = new() { [":events"] = new AttributeValue { S = Partition } },
                ScanIndexForward = false,
                Limit = options.RecentEvents - newestFirst.Count,
                ExclusiveStartKey = after,
            }, cancellationToken);
            newestFirst.AddRange((page.Items ?? []).Select(item => CompletionEvent.FromJson(item[Document].S)));
            after = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null && newestFirst.Count < options.RecentEvents);
        newestFirst.Reverse();
        return newestFirst;
    }

    static string SortKeyOf(CompletionEvent completion) =>
        $"{completion.OccurredAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}#{completion.Id:N}";
}
