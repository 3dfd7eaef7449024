using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>
/// The real SDK client, talking to the real local server, that also counts what the server answered:
/// conditional-check failures (proof that the optimistic-concurrency path ran, not just that the end state
/// is right) and whether each read asked for strong consistency.
/// </summary>
public sealed class ObservedDynamoDbClient(DynamoDbSettings settings) : AmazonDynamoDBClient(
    new BasicAWSCredentials(settings.AccessKeyId, settings.SecretAccessKey),
    new AmazonDynamoDBConfig { ServiceURL = settings.ServiceUrl, AuthenticationRegion = settings.Region })
{
    int _conditionalFailures;

    public int ConditionalFailures => Volatile.Read(ref _conditionalFailures);

    /// <summary>The ConsistentRead flag of every GetItem, Scan and Query sent, by operation name.</summary>
    public ConcurrentQueue<(string Operation, bool? ConsistentRead)> Reads { get; } = new();

    public override Task<PutItemResponse> PutItemAsync(PutItemRequest request, CancellationToken cancellationToken = default) =>
        Counting(base.PutItemAsync(request, cancellationToken));

    public override Task<UpdateItemResponse> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default) =>
        Counting(base.UpdateItemAsync(request, cancellationToken));

    public override Task<DeleteItemResponse> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default) =>
        Counting(base.DeleteItemAsync(request, cancellationToken));

    public override Task<GetItemResponse> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default)
    {
        Reads.Enqueue(("GetItem", request.ConsistentRead));
        return base.GetItemAsync(request, cancellationToken);
    }

    public override Task<ScanResponse> ScanAsync(ScanRequest request, CancellationToken cancellationToken = default)
    {
        Reads.Enqueue(("Scan", request.ConsistentRead));
        return base.ScanAsync(request, cancellationToken);
    }

    public override Task<QueryResponse> QueryAsync(QueryRequest request, CancellationToken cancellationToken = default)
    {
        Reads.Enqueue(("Query", request.ConsistentRead));
        return base.QueryAsync(request, cancellationToken);
    }

    async Task<T> Counting<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (ConditionalCheckFailedException)
        {
            Interlocked.Increment(ref _conditionalFailures);
            throw;
        }
    }
}
