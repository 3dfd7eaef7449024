using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Persistence;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.Dynamo;

/// <summary>The real VideoProcessing state machine, with its production endpoint policy, persisted in
/// dynalite; scripted consumers stand in for the media steps as in Sagas.Tests.</summary>
public sealed class VideoProcessingOnDynamoDbTests(LocalDynamoDb dynamo) : IClassFixture<LocalDynamoDb>
{
    [Fact]
    public async Task A_video_runs_every_step_and_completes_with_its_state_and_expiry_stored_in_dynamodb()
    {
        var settings = await dynamo.NewTablesAsync(finishedSagaTimeToLive: TimeSpan.FromDays(30));
        using var client = new ObservedDynamoDbClient(settings);
        await using var provider = new ServiceCollection()
            .AddSingleton<IAmazonDynamoDB>(client)
            .AddDynamoDb(settings)
            .AddSingleton(new StepScript())
            .AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromSeconds(30), MaxAttempts = 3 })
            .AddMassTransitTestHarness(x =>
            {
                x.AddDelayedMessageScheduler();
                x.AddSagaStateMachine<VideoProcessingStateMachine, VideoProcessingState, VideoProcessingSagaDefinition>()
                    .DynamoDbRepository(o => o.FinalStates = VideoProcessingStateMachine.FinalStates);
                x.AddConsumer<ScriptedVideoStepConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseDelayedMessageScheduler();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var reader = provider.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        var video = new VideoObjectCreated(Guid.NewGuid(), new StoredObject("videos", "clip.mp4", 1234, "sha256:abc"));

        await harness.Bus.Publish(video);

        var saga = await Eventually.Get(() => reader.FindAsync(video.VideoId), s => s?.CurrentState == "Completed");
        Assert.NotNull(saga);
        Assert.Equal("Completed", saga.CurrentState);
        Assert.Equal(VideoStep.Plan.InOrder, saga.Timings.Select(t => t.Step));
        Assert.Equal(100, saga.Percent);
        Assert.Equal($"videos/{video.VideoId:N}/shoppable.json", saga.DocumentKey);
        Assert.True(await harness.Published.Any<VideoProcessingCompleted>(m => m.Context.Message.VideoId == video.VideoId));
        Assert.Empty(await reader.ListUnfinishedAsync(VideoProcessingStateMachine.FinalStates));
        var item = (await client.GetItemAsync(new GetItemRequest
        {
            TableName = settings.SagaTable,
            Key = new()
            {
                ["PK"] = new AttributeValue { S = video.VideoId.ToString("D") },
                ["SK"] = new AttributeValue { S = nameof(VideoProcessingState) },
            },
            ConsistentRead = true,
        })).Item;
        Assert.Equal("Completed", item["State"].S);
        Assert.True(item.ContainsKey("ExpiresAt"), "a completed video should carry the retention's expiry");
        await harness.Stop();
    }
}
