using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;

namespace ShoppableVideo.Api.Reviews;

/// <summary>
/// Reviews in DynamoDB, shared by every API process of a deployment: one item per review, partition key the
/// video, sort key the review's number zero-padded (so a Query returns them oldest first). Numbers count up
/// per video as SQLite's rowids do; two processes adding a review at once both read the same last number,
/// and the conditional put lets only one of them have it: the other reads again and takes the next.
/// </summary>
public sealed class DynamoDbReviewStore(IAmazonDynamoDB client, string tableName) : IReviewStore
{
    const string PartitionKey = DynamoDbSagaAttributes.PartitionKey;
    const string SortKey = DynamoDbSagaAttributes.SortKey;

    /// <summary>Losing the race this many times in a row means something else is wrong.</summary>
    const int MaxAttempts = 20;

    public async Task<ShotReview> AddAsync(Guid videoId, int segmentIndex, ReviewRequest request, ReviewedItem? item, string reviewer,
        CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var review = new ShotReview(await LastIdAsync(videoId, cancellationToken) + 1, videoId, segmentIndex, request.Action,
                request.ProductId, request.ReplacementProductId, reviewer, request.Note, at, item);
            try
            {
                await client.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = ToItem(review),
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
                }, cancellationToken);
                return review;
            }
            catch (ConditionalCheckFailedException) when (attempt < MaxAttempts)
            {
                // Another process took this number first.
            }
        }
    }

    public async Task<IReadOnlyList<ShotReview>> ListAsync(Guid videoId, CancellationToken cancellationToken)
    {
        var reviews = new List<ShotReview>();
        Dictionary<string, AttributeValue>? after = null;
        do
        {
            var page = await client.QueryAsync(Query(videoId, after), cancellationToken);
            reviews.AddRange((page.Items ?? []).Select(item => FromItem(videoId, item)));
            after = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (after is not null);
        return reviews;
    }

    async Task<long> LastIdAsync(Guid videoId, CancellationToken cancellationToken)
    {
        var query = Query(videoId, null);
        (query.ScanIndexForward, query.Limit) = (false, 1);
        var page = await client.QueryAsync(query, cancellationToken);
        return page.Items is [var last, ..] ? long.Parse(last["Id"].N, CultureInfo.InvariantCulture) : 0;
    }

    // Consistent: a review just added by another process is read back, and its number is never reused.
    QueryRequest Query(Guid videoId, Dictionary<string, AttributeValue>? after) => new()
    {
        TableName = tableName,
        ConsistentRead = true,
        KeyConditionExpression = "#pk = :video",
        ExpressionAttributeNames = new() { ["#pk"] = PartitionKey },
        ExpressionAttributeValues = new() { [":video"] = new AttributeValue { S = videoId.ToString("N") } },
        ExclusiveStartKey = after,
    };

    static Dictionary<string, AttributeValue> ToItem(ShotReview review)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [PartitionKey] = new() { S = review.VideoId.ToString("N") },
            [SortKey] = new() { S = review.Id.ToString("D20", CultureInfo.InvariantCulture) },
            ["Id"] = new() { N = review.Id.ToString(CultureInfo.InvariantCulture) },
            ["Segment"] = new() { N = review.SegmentIndex.ToString(CultureInfo.InvariantCulture) },
            ["Action"] = new() { S = review.Action },
            ["ProductId"] = new() { S = review.ProductId },
            ["Reviewer"] = new() { S = review.Reviewer },
            ["At"] = new() { S = review.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
        };
        if (review.ReplacementProductId is { } replacement)
            item["ReplacementProductId"] = new() { S = replacement };
        if (review.Note is { } note)
            item["Note"] = new() { S = note };
        if (review.Item is { } reviewed)
        {
            item["BoxLeft"] = Number(reviewed.Box.Left);
            item["BoxTop"] = Number(reviewed.Box.Top);
            item["BoxWidth"] = Number(reviewed.Box.Width);
            item["BoxHeight"] = Number(reviewed.Box.Height);
            item["Seconds"] = Number(reviewed.Seconds);
            item["Kind"] = new() { S = reviewed.Kind };
            item["Score"] = Number(reviewed.Score);
        }
        return item;
    }

    static ShotReview FromItem(Guid videoId, Dictionary<string, AttributeValue> item) => new(
        long.Parse(item["Id"].N, CultureInfo.InvariantCulture),
        videoId,
        int.Parse(item["Segment"].N, CultureInfo.InvariantCulture),
        item["Action"].S,
        item["ProductId"].S,
        item.TryGetValue("ReplacementProductId", out var replacement) ? replacement.S : null,
        item["Reviewer"].S,
        item.TryGetValue("Note", out var note) ? note.S : null,
        DateTimeOffset.Parse(item["At"].S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        item.ContainsKey("BoxLeft")
            ? new ReviewedItem(
                new NormalizedBox(Double(item["BoxLeft"]), Double(item["BoxTop"]), Double(item["BoxWidth"]), Double(item["BoxHeight"])),
                Double(item["Seconds"]), item["Kind"].S, Double(item["Score"]))
            : null);

    static AttributeValue Number(double value) => new() { N = value.ToString("R", CultureInfo.InvariantCulture) };

    static double Double(AttributeValue value) => double.Parse(value.N, CultureInfo.InvariantCulture);
}
