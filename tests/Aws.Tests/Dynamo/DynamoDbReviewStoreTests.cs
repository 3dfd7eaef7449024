using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>Reviews on dynalite, written by several API processes at once (each its own store and client).</summary>
public sealed class DynamoDbReviewStoreTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>
{
    [Fact]
    public async Task Reviews_come_back_oldest_first_with_every_field_and_the_reviewed_item_and_another_videos_stay_apart()
    {
        var settings = await dynamo.NewTablesAsync();
        using var client = new ObservedDynamoDbClient(settings);
        var store = new DynamoDbReviewStore(client, settings.ReviewTable);
        var (video, other) = (Guid.NewGuid(), Guid.NewGuid());

        var first = await store.AddAsync(video, 2, new ReviewRequest(ReviewActions.Reject, "tee"), null, "ana", default);
        var second = await store.AddAsync(video, 0, new ReviewRequest(ReviewActions.Replace, "tee", "hoodie", "wrong colour"),
            new ReviewedItem(new NormalizedBox(0.1, 0.2, 0.3, 0.45), 1.25, "upper", 0.9123), "bo", default);
        await store.AddAsync(other, 1, new ReviewRequest(ReviewActions.Approve, "bag"), null, "ana", default);

        var reviews = await store.ListAsync(video, default);
        Assert.Equal([1L, 2L], reviews.Select(r => r.Id));
        Assert.Equal(first, reviews[0]);
        Assert.Equal(second with { At = reviews[1].At }, reviews[1]);
        Assert.Equal(second.At.ToUnixTimeMilliseconds(), reviews[1].At.ToUnixTimeMilliseconds());
        Assert.Single(await store.ListAsync(other, default));
        Assert.Empty(await store.ListAsync(Guid.NewGuid(), default));
    }

    [Fact]
    public async Task Three_processes_reviewing_one_video_at_once_lose_no_review_and_share_no_number()
    {
        var settings = await dynamo.NewTablesAsync();
        var clients = Enumerable.Range(0, 3).Select(_ => new ObservedDynamoDbClient(settings)).ToList();
        var video = Guid.NewGuid();
        try
        {
            await Task.WhenAll(clients.Select((client, process) => Task.Run(async () =>
            {
                var store = new DynamoDbReviewStore(client, settings.ReviewTable);
                for (var i = 0; i < 5; i++)
                    await store.AddAsync(video, i, new ReviewRequest(ReviewActions.Approve, $"p{process}-{i}"), null, $"process-{process}", default);
            })));

            var reviews = await new DynamoDbReviewStore(clients[0], settings.ReviewTable).ListAsync(video, default);
            Assert.Equal(Enumerable.Range(1, 15).Select(i => (long)i), reviews.Select(r => r.Id));
            Assert.Equal(15, reviews.Select(r => r.ProductId).Distinct().Count());
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
