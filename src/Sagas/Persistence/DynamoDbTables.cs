using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// Creates the deployment's tables when they are missing, for local servers and first runs; on AWS
/// the CDK stack creates them with the same key schema. Every table is keyed by string PK and SK, on demand.
/// </summary>
public sealed class DynamoDbTables
{
    readonly IAmazonDynamoDB _client;

    public DynamoDbTables(IAmazonDynamoDB client)
    {
        _client = client;
    }

    /// <summary>
    /// Ensures every table exists and asks for TTL on the saga table's <see cref="DynamoDbSagaAttributes.ExpiresAt"/>.
    /// Returns whether TTL is on: dynalite has no UpdateTimeToLive, and there finished sagas simply stay.
    /// </summary>
    public async Task<bool> CreateIfMissingAsync(DynamoDbSettings settings, CancellationToken cancellationToken = default)
    {
        await CreateTableIfMissingAsync(settings.SagaTable, cancellationToken).ConfigureAwait(false);
        await CreateTableIfMissingAsync(settings.ArtifactTable, cancellationToken).ConfigureAwait(false);
        await CreateTableIfMissingAsync(settings.ReviewTable, cancellationToken).ConfigureAwait(false);
        await CreateTableIfMissingAsync(settings.WebhookTable, cancellationToken, withDueIndex: true).ConfigureAwait(false);
        await CreateTableIfMissingAsync(settings.MirrorTable, cancellationToken).ConfigureAwait(false);
        await CreateTableIfMissingAsync(settings.EventTable, cancellationToken).ConfigureAwait(false);
        return await EnableTimeToLiveAsync(settings.SagaTable, cancellationToken).ConfigureAwait(false);
    }

    public async Task CreateTableIfMissingAsync(string tableName, CancellationToken cancellationToken = default, bool withDueIndex = false)
    {
        if (await StatusOf(tableName, cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                var request = new CreateTableRequest
                {
                    TableName = tableName,
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                    KeySchema =
                    [
                        new KeySchemaElement(DynamoDbSagaAttributes.PartitionKey, KeyType.HASH),
                        new KeySchemaElement(DynamoDbSagaAttributes.SortKey, KeyType.RANGE),
                    ],
                    AttributeDefinitions =
                    [
                        new AttributeDefinition(DynamoDbSagaAttributes.PartitionKey, ScalarAttributeType.S),
                        new AttributeDefinition(DynamoDbSagaAttributes.SortKey, ScalarAttributeType.S),
                    ],
                };
                if (withDueIndex)
                {
                    request.AttributeDefinitions.Add(new AttributeDefinition(DynamoDbDueIndex.Partition, ScalarAttributeType.S));
                    request.AttributeDefinitions.Add(new AttributeDefinition(DynamoDbDueIndex.NextAttemptAt, ScalarAttributeType.S));
                    request.GlobalSecondaryIndexes =
                    [
                        new GlobalSecondaryIndex
                        {
                            IndexName = DynamoDbDueIndex.Name,
                            KeySchema = [new KeySchemaElement(DynamoDbDueIndex.Partition, KeyType.HASH), new KeySchemaElement(DynamoDbDueIndex.NextAttemptAt, KeyType.RANGE)],
                            Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                        },
                    ];
                }
                await _client.CreateTableAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (ResourceInUseException)
            {
                // Another process created it between our describe and create: it exists, which is the point.
            }
        }

        await WaitUntilActiveAsync(tableName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Turns TTL on for <paramref name="tableName"/>; false where the server cannot.</summary>
    public async Task<bool> EnableTimeToLiveAsync(string tableName, CancellationToken cancellationToken = default)
    {
        try
        {
            var current = await _client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName },
                cancellationToken).ConfigureAwait(false);
            // DynamoDB refuses to enable TTL that is already enabled (or enabling), so ask only once.
            var status = current.TimeToLiveDescription?.TimeToLiveStatus;
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
                return true;

            await _client.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification
                {
                    AttributeName = DynamoDbSagaAttributes.ExpiresAt,
                    Enabled = true,
                },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonDynamoDBException exception) when (exception.ErrorCode == "UnknownOperationException")
        {
            return false;
        }
    }

    async Task<TableStatus?> StatusOf(string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var described = await _client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName },
                cancellationToken).ConfigureAwait(false);
            return described.Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        // A new table is CREATING for a while on AWS (milliseconds on local servers); writes before ACTIVE fail.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        while (await StatusOf(tableName, deadline.Token).ConfigureAwait(false) != TableStatus.ACTIVE)
            await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token).ConfigureAwait(false);
    }
}
