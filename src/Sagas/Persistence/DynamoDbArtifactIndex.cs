using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ShoppableVideo.Sagas.Artifacts;

namespace ShoppableVideo.Sagas.Persistence;

/// <summary>
/// The aws profile's <see cref="IArtifactIndex"/>: one item per artifact, partition key the owner id and
/// sort key <c>kind#key</c>, so one owner's artifacts (or one kind of them) are a single Query.
/// </summary>
public sealed class DynamoDbArtifactIndex : IArtifactIndex
{
    public const string PartitionKey = "PK";
    public const string SortKey = "SK";
    const string Kind = "Kind";
    const string ArtifactKey = "ArtifactKey";
    const string Attributes = "Attributes";
    const string CreatedAt = "CreatedAt";

    readonly IAmazonDynamoDB _client;
    readonly string _tableName;

    public DynamoDbArtifactIndex(IAmazonDynamoDB client, string tableName = DynamoDbSettings.DefaultArtifactTable)
    {
        _client = client;
        _tableName = tableName;
    }

    public async Task RecordAsync(string ownerId, string kind, string key, string? attributesJson = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        // The separator must not occur in a kind, or "a#b" + "c" and "a" + "b#c" would be one item.
        if (kind.Contains('#'))
            throw new ArgumentException($"An artifact kind may not contain '#': {kind}", nameof(kind));

        // An upsert, as in SQLite: a replay refreshes the attributes but keeps the original CreatedAt, which
        // is when the artifact really appeared. Null attributes remove the old ones, as SQLite stores NULL.
        var values = new Dictionary<string, AttributeValue>
        {
            [":kind"] = new() { S = kind },
            [":key"] = new() { S = key },
            [":created"] = new() { S = DateTimeOffset.UtcNow.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
        };
        var update = "SET #kind = :kind, #artifactKey = :key, #created = if_not_exists(#created, :created)";
        if (attributesJson is null)
            update += " REMOVE #attributes";
        else
        {
            update += ", #attributes = :attributes";
            values[":attributes"] = new() { S = attributesJson };
        }

        await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = _tableName,
            Key = new()
            {
                [PartitionKey] = new() { S = ownerId },
                [SortKey] = new() { S = $"{kind}#{key}" },
            },
            UpdateExpression = update,
            ExpressionAttributeNames = new()
            {
                ["#kind"] = Kind,
                ["#artifactKey"] = ArtifactKey,
                ["#created"] = CreatedAt,
                ["#attributes"] = Attributes,
            },
            ExpressionAttributeValues = values,
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArtifactEntry>> ListAsync(string ownerId, string? kind = null,
        CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, AttributeValue> { [":owner"] = new() { S = ownerId } };
        var condition = "#pk = :owner";
        var names = new Dictionary<string, string> { ["#pk"] = PartitionKey };
        if (kind is not null)
        {
            condition += " AND begins_with(#sk, :prefix)";
            names["#sk"] = SortKey;
            values[":prefix"] = new() { S = $"{kind}#" };
        }

        var entries = new List<ArtifactEntry>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var page = await _client.QueryAsync(new QueryRequest
            {
                TableName = _tableName,
                ConsistentRead = true,
                KeyConditionExpression = condition,
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ExclusiveStartKey = startKey,
            }, cancellationToken).ConfigureAwait(false);
            entries.AddRange((page.Items ?? []).Select(item => ToEntry(ownerId, item)));
            startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        // Ordered as SQLite orders them (ordinal kind, then key) rather than by the composite sort key.
        return entries
            .OrderBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    static ArtifactEntry ToEntry(string ownerId, Dictionary<string, AttributeValue> item) => new(
        ownerId,
        item[Kind].S,
        item[ArtifactKey].S,
        item.TryGetValue(Attributes, out var attributes) ? attributes.S : null,
        DateTimeOffset.Parse(item[CreatedAt].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
