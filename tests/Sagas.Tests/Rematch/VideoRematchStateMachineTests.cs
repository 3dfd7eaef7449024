using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Rematch;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;

namespace ShoppableVideo.Sagas.Tests.Rematch;

public class VideoRematchStateMachineTests
{
    [Fact]
    public async Task A_catalog_batch_that_changed_products_re_matches_every_completed_video_once_and_announces_each_new_version()
    {
        var script = new StepScript();
        var videos = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using var test = await RematchSagaHarness.StartAsync(script, videos);
        var batch = RematchSagaHarness.BatchCompleted(ingested: 1);

        await test.Harness.Bus.Publish(batch);
        // The same completion announced again (a redelivery) names the same sagas.
        await test.Harness.Bus.Publish(batch);

        foreach (var video in videos)
        {
            var rematchId = CatalogChangeRematchConsumer.RematchIdFor(batch.BatchId, video);
            var saga = await test.WaitForState(rematchId, test.Machine.Completed);
            Assert.Equal((video, 2, true), (saga.VideoId, saga.DocumentVersion, saga.Changed));
            Assert.Contains($"catalog batch {batch.BatchId:N}", saga.Reason);
            Assert.Equal(100, saga.Percent);
            Assert.True(await test.Harness.Published.Any<VideoRematched>(m =>
                m.Context.Message.VideoId == video && m.Context.Message.Version == 2 && m.Context.Message.RematchId == rematchId));
        }
        await test.Harness.InactivityTask;
        Assert.Equal(2, script.Received(RematchStepNames.Rematch));
    }

    [Fact]
    public async Task A_re_match_that_finds_the_same_matches_completes_without_announcing_a_version()
    {
        var script = new StepScript();
        var video = Guid.NewGuid();
        await using var test = await RematchSagaHarness.StartAsync(script, [video], ScriptedRematch.Unchanged);
        var batch = RematchSagaHarness.BatchCompleted(ingested: 0, removed: "old-tee");

        await test.Harness.Bus.Publish(batch);

        var saga = await test.WaitForState(CatalogChangeRematchConsumer.RematchIdFor(batch.BatchId, video), test.Machine.Completed);
        Assert.Equal((1, false, "unchanged"), (saga.DocumentVersion, saga.Changed, saga.Outcome));
        Assert.False(await test.Harness.Published.Any<VideoRematched>());
    }

    [Fact]
    public async Task A_catalog_batch_that_changed_nothing_re_matches_nothing()
    {
        var script = new StepScript();
        await using var test = await RematchSagaHarness.StartAsync(script, [Guid.NewGuid()]);

        await test.Harness.Bus.Publish(RematchSagaHarness.BatchCompleted(ingested: 0));

        Assert.True(await test.Harness.Consumed.Any<Messages.CatalogIngestionCompleted>());
        await test.Harness.InactivityTask;
        Assert.False(await test.Harness.Published.Any<VideoRematchRequested>());
        Assert.Equal(0, script.Received(RematchStepNames.Rematch));
    }

    [Fact]
    public async Task A_re_match_that_never_answers_times_out_a_bounded_number_of_times_then_fails_and_says_so()
    {
        var script = new StepScript().On(RematchStepNames.Rematch, StepBehaviour.Ignore);
        var policy = new StepPolicy { StepTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 3 };
        var video = Guid.NewGuid();
        await using var test = await RematchSagaHarness.StartAsync(script, [video], policy: policy);
        var request = new VideoRematchRequested(Guid.NewGuid(), video, "catalog batch x");

        await test.Harness.Bus.Publish(request);

        var saga = await test.WaitForState(request.RematchId, test.Machine.Failed);
        Assert.Equal(RematchStepNames.Rematch, saga.FailedStep);
        Assert.Contains("timed out 3 times", saga.FailureReason);
        Assert.True(await test.Harness.Published.Any<VideoRematchFailed>(m => m.Context.Message.VideoId == video));
        Assert.False(await test.Harness.Published.Any<VideoRematched>());
        await test.Harness.InactivityTask;
        Assert.Equal(3, script.Received(RematchStepNames.Rematch));
    }

    [Fact]
    public async Task A_re_match_whose_step_refuses_fails_with_the_reason()
    {
        var script = new StepScript().On(RematchStepNames.Rematch, StepBehaviour.RejectInput);
        await using var test = await RematchSagaHarness.StartAsync(script, []);
        var request = new VideoRematchRequested(Guid.NewGuid(), Guid.NewGuid(), "catalog batch x");

        await test.Harness.Bus.Publish(request);

        var saga = await test.WaitForState(request.RematchId, test.Machine.Failed);
        Assert.Equal("the descriptors are corrupt", saga.FailureReason);
    }
}
