using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ShoppableVideo.Consumers.StepFunctions;

/// <summary>
/// The mirror's memory in DynamoDB, shared by every worker of a deployment: one item per saga step (partition
/// key saga type and id, sort key the step). Without SQLite's transaction, a half is written first and then
/// claimed by a conditional update that only succeeds while both halves are there and nobody has claimed them,
/// so of two workers racing (one with the token, one with the outcome) exactly one sends the completion.
/// </summary>
public sealed class DynamoDbMirrorTaskStore(IAmazonDynamoDB client, string tableName, TimeProvider clock) : IMirrorTaskStore
{
    // The key schema every table of the deployment has (DynamoDbTables, the CDK stack).
    const string PartitionKey = "PK";
    const string SortKey = "SK";
    // Not "Error" or "Cause": DynamoDB reserves those words in expressions.
    const string TaskToken = "TaskToken", Succeeded = "Succeeded", Error = "FailureError", Cause = "FailureCause";
    const string CompletedAt = "CompletedAt", UpdatedAt = "UpdatedAt";

    const string IsReady = $"attribute_exists({TaskToken}) AND attribute_exists({Succeeded}) AND attribute_not_exists({CompletedAt})";

    public async Task<ReadyCompletion?> RecordTokenAsync(MirroredTask task, string taskToken, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = KeyOf(task),
                UpdateExpression = $"SET {TaskToken} = :token, {UpdatedAt} = :now REMOVE {CompletedAt}",
                ConditionExpression = $"attribute_not_exists({TaskToken}) OR {TaskToken} <> :token",
                ExpressionAttributeValues = new() { [":token"] = new() { S = taskToken }, [":now"] = Now() },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // The same token again: recorded already, and claimed or not as it was.
        }
        return await ClaimAsync(task, cancellationToken);
    }

    public async Task<ReadyCompletion?> RecordOutcomeAsync(MirroredTask task, StepOutcome outcome, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, AttributeValue> { [":succeeded"] = new() { BOOL = outcome.Succeeded }, [":now"] = Now() };
        var set = $"SET {Succeeded} = :succeeded, {UpdatedAt} = :now";
        if (outcome.Error is { } error)
            (set, values[":error"]) = ($"{set}, {Error} = :error", new() { S = error });
        if (outcome.Cause is { } cause)
            (set, values[":cause"]) = ($"{set}, {Cause} = :cause", new() { S = cause });
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = KeyOf(task),
                UpdateExpression = set,
                ConditionExpression = $"attribute_not_exists({Succeeded})",
                ExpressionAttributeValues = values,
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // The first outcome stays.
        }
        return await ClaimAsync(task, cancellationToken);
    }

    public async Task ReleaseAsync(ReadyCompletion completion, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = KeyOf(completion.Task),
                UpdateExpression = $"SET {UpdatedAt} = :now REMOVE {CompletedAt}",
                ConditionExpression = $"{TaskToken} = :token",
                ExpressionAttributeValues = new() { [":token"] = new() { S = completion.TaskToken }, [":now"] = Now() },
            }, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer token replaced this one; it is owed its own completion, which is not released here.
        }
    }

    /// <summary>A scan, filtered to the unclaimed: it runs once per start-up, and a deployment's steps are few
    /// next to what a scan reads cheaply.</summary>
    public async Task<IReadOnlyList<ReadyCompletion>> ClaimAllReadyAsync(CancellationToken cancellationToken = default)
    {
        var claimed = new List<ReadyCompletion>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                ConsistentRead = true,
                FilterExpression = IsReady,
                ProjectionExpression = $"{PartitionKey}, {SortKey}",
                ExclusiveStartKey = after,
            }, cancellationToken);
            foreach (var item in page.Items ?? [])
                if (await ClaimAsync(TaskOf(item), cancellationToken) is { } ready)
                    claimed.Add(ready);
            after = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);
        return claimed;
    }

    public async Task<string?> TokenOfAsync(MirroredTask task, CancellationToken cancellationToken = default)
    {
        var answer = await client.GetItemAsync(new GetItemRequest { TableName = tableName, Key = KeyOf(task), ConsistentRead = true },
            cancellationToken);
        return answer.Item is { } item && item.TryGetValue(TaskToken, out var token) ? token.S : null;
    }

    async Task<ReadyCompletion?> ClaimAsync(MirroredTask task, CancellationToken cancellationToken)
    {
        try
        {
            var claimed = await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = KeyOf(task),
                UpdateExpression = $"SET {CompletedAt} = :now",
                ConditionExpression = IsReady,
                ExpressionAttributeValues = new() { [":now"] = Now() },
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken);
            var item = claimed.Attributes;
            return new ReadyCompletion(task, item[TaskToken].S, new StepOutcome(item[Succeeded].BOOL == true,
                item.TryGetValue(Error, out var error) ? error.S : null, item.TryGetValue(Cause, out var cause) ? cause.S : null));
        }
        catch (ConditionalCheckFailedException)
        {
            return null; // a half is missing, or another worker claimed it
        }
    }

    static Dictionary<string, AttributeValue> KeyOf(MirroredTask task) => new()
    {
        [PartitionKey] = new() { S = $"{task.Saga}#{task.SagaId:D}" },
        [SortKey] = new() { S = task.Step },
    };

    static MirroredTask TaskOf(Dictionary<string, AttributeValue> item)
    {
        var partition = item[PartitionKey].S;
        var split = partition.LastIndexOf('#');
        return new MirroredTask(partition[..split], Guid.Parse(partition[(split + 1)..]), item[SortKey].S);
    }

    AttributeValue Now() => new() { S = clock.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
}
