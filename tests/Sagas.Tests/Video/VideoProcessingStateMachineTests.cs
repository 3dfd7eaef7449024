using MassTransit.Testing;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.Video;

public class VideoProcessingStateMachineTests
{
    [Fact]
    public async Task A_video_runs_every_step_in_order_and_completes_with_a_document()
    {
        var script = new StepScript();
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, test.Machine.Completed);
        Assert.Equal(VideoStep.Plan.InOrder, saga.Timings.Select(t => t.Step));
        Assert.All(saga.Timings, t => Assert.NotNull(t.FinishedAt));
        Assert.Equal(100, saga.Percent);
        Assert.Equal("not-configured", saga.Analysis);
        Assert.Equal($"videos/{video.VideoId:N}/shoppable.json", saga.DocumentKey);
        Assert.True(await test.Harness.Published.Any<VideoProcessingCompleted>(m => m.Context.Message.VideoId == video.VideoId));
    }

    [Fact]
    public async Task A_result_delivered_again_after_the_saga_moved_on_re_arms_the_current_steps_timeout()
    {
        // ExtractFrames never answers: the saga waits on its timeout, as it would after a worker died between
        // saving the saga and sending the step's command and timeout.
        var script = new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.Ignore);
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();
        await test.Harness.Bus.Publish(video);
        var waiting = await test.WaitForState(video.VideoId, test.Machine.ExtractingFrames);
        var armed = waiting.StepTimeoutTokenId;

        // The probe's result again, but not redelivered by a broker (a repeat, not a dead process): it only re-arms.
        await test.Harness.Bus.Publish(new VideoProbed(video.VideoId, waiting.Probe!));

        var rearmed = await Persistence.Eventually.Get(() => Task.FromResult(test.Saga.Sagas.Contains(video.VideoId)),
            saga => saga.StepTimeoutTokenId != armed);
        Assert.NotEqual(armed, rearmed.StepTimeoutTokenId);
        Assert.Equal("ExtractingFrames", rearmed.CurrentState);
        Assert.Equal(1, rearmed.Timings.Single(t => t.Step == VideoStepNames.ExtractFrames).Attempts);
        Assert.Equal(1, script.Received(VideoStepNames.ExtractFrames));
    }

    [Theory]
    [InlineData(VideoStepNames.Probe)]
    [InlineData(VideoStepNames.ExtractFrames)]
    [InlineData(VideoStepNames.DetectSegments)]
    [InlineData(VideoStepNames.AnalyzeFrames)]
    [InlineData(VideoStepNames.PublishMetadata)]
    public async Task A_step_that_refuses_its_input_fails_the_video_with_the_step_and_reason(string step)
    {
        var script = new StepScript().On(step, StepBehaviour.RejectInput);
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, test.Machine.Failed);
        Assert.Equal(step, saga.FailedStep);
        Assert.Equal($"{step} refused the input", saga.FailureReason);
        Assert.True(await test.Harness.Published.Any<VideoProcessingFailed>(m =>
            m.Context.Message.VideoId == video.VideoId && m.Context.Message.Step == step));
        Assert.False(await test.Harness.Published.Any<VideoProcessingCompleted>());
        // Nothing after the failed step was started.
        var later = VideoStep.Plan.InOrder.SkipWhile(s => s != step).Skip(1);
        Assert.All(later, s => Assert.Equal(0, script.Received(s)));
    }

    [Fact]
    public async Task A_step_that_crashes_fails_the_video_with_the_exception_message()
    {
        var script = new StepScript().On(VideoStepNames.DetectSegments, StepBehaviour.Throw);
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, test.Machine.Failed);
        Assert.Equal(VideoStepNames.DetectSegments, saga.FailedStep);
        Assert.Contains("DetectSegments crashed", saga.FailureReason);
    }

    [Fact]
    public async Task A_step_whose_command_was_lost_is_retried_after_its_timeout_and_the_video_completes()
    {
        var script = new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.IgnoreFirstThenSucceed);
        var policy = new StepPolicy { StepTimeout = TimeSpan.FromMilliseconds(300), MaxAttempts = 3 };
        await using var test = await VideoSagaHarness.StartAsync(script, policy);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, test.Machine.Completed);
        Assert.Equal(2, script.Received(VideoStepNames.ExtractFrames));
        Assert.Equal(2, saga.Timings.Single(t => t.Step == VideoStepNames.ExtractFrames).Attempts);
    }

    [Fact]
    public async Task A_step_that_never_answers_times_out_a_bounded_number_of_times_then_fails()
    {
        var script = new StepScript().On(VideoStepNames.AnalyzeFrames, StepBehaviour.Ignore);
        var policy = new StepPolicy { StepTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 3 };
        await using var test = await VideoSagaHarness.StartAsync(script, policy);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, test.Machine.Failed);
        Assert.Equal(VideoStepNames.AnalyzeFrames, saga.FailedStep);
        Assert.Contains("timed out 3 times", saga.FailureReason);
        // The third command was sent before the last timeout; on a loaded machine it may still be in flight.
        await test.Harness.InactivityTask;
        Assert.Equal(3, script.Received(VideoStepNames.AnalyzeFrames));
        Assert.Equal(0, script.Received(VideoStepNames.PublishMetadata));
    }

    [Fact]
    public async Task The_same_object_event_delivered_twice_makes_one_saga_and_one_document()
    {
        var script = new StepScript();
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);
        await test.WaitForState(video.VideoId, test.Machine.Completed);
        await test.Harness.Bus.Publish(video);
        await test.Harness.InactivityTask;

        Assert.Single(test.Saga.Sagas.Select(x => x.CorrelationId == video.VideoId));
        Assert.Equal(1, script.Received(VideoStepNames.Probe));
        Assert.Equal(1, script.Received(VideoStepNames.PublishMetadata));
        Assert.Equal(1, await test.Harness.Published.SelectAsync<VideoProcessingCompleted>().Count());
    }

    /// <summary>A crash at each step boundary: the step's command is lost with the process that was running
    /// it, the saga waits in that step, and the restarted host resumes it. The step runs again and the video
    /// completes once, with one document.</summary>
    [Theory]
    [InlineData(VideoStepNames.Probe, "Probing")]
    [InlineData(VideoStepNames.ExtractFrames, "ExtractingFrames")]
    [InlineData(VideoStepNames.DetectSegments, "DetectingSegments")]
    [InlineData(VideoStepNames.AnalyzeFrames, "AnalyzingFrames")]
    [InlineData(VideoStepNames.PublishMetadata, "PublishingMetadata")]
    public async Task A_resumed_saga_reissues_the_command_of_the_step_it_is_in(string step, string state)
    {
        var script = new StepScript().On(step, StepBehaviour.IgnoreFirstThenSucceed);
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);
        var stuck = await test.WaitForState(video.VideoId, test.Machine.GetState(state));
        Assert.Equal(step, stuck.CurrentStep);
        await test.Harness.Bus.Publish(new ResumeVideoProcessing(video.VideoId));

        await test.WaitForState(video.VideoId, test.Machine.Completed);
        await test.Harness.InactivityTask;
        Assert.Equal(2, script.Received(step));
        Assert.Equal(1, script.Received(VideoStepNames.PublishMetadata) - (step == VideoStepNames.PublishMetadata ? 1 : 0));
        Assert.Equal(1, await test.Harness.Published.SelectAsync<VideoProcessingCompleted>().Count());
    }

    [Fact]
    public async Task A_completed_video_that_hears_its_last_result_again_announces_its_completion_again()
    {
        var script = new StepScript();
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();
        await test.Harness.Bus.Publish(video);
        var done = await test.WaitForState(video.VideoId, test.Machine.Completed);

        // The process that completed it died before its completion event left: the broker redelivers the result.
        await test.Harness.Bus.Publish(new MetadataPublished(video.VideoId, done.DocumentKey!));
        await test.Harness.InactivityTask;

        var announced = await test.Harness.Published.SelectAsync<VideoProcessingCompleted>().Select(m => m.Context.Message).ToListAsync();
        Assert.Equal(2, announced.Count);
        Assert.All(announced, e => Assert.Equal((video.VideoId, done.DocumentKey), (e.VideoId, e.DocumentKey)));
        Assert.Equal(1, script.Received(VideoStepNames.PublishMetadata));
    }

    [Fact]
    public async Task Progress_inside_a_step_moves_the_overall_percent_forward()
    {
        var script = new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.Ignore);
        await using var test = await VideoSagaHarness.StartAsync(script);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);
        await test.WaitForState(video.VideoId, test.Machine.ExtractingFrames);
        var before = test.Saga.Sagas.Contains(video.VideoId).Percent;
        await test.Harness.Bus.Publish(new VideoStepProgressed(video.VideoId, VideoStepNames.ExtractFrames, 50));
        await test.Harness.InactivityTask;

        var after = test.Saga.Sagas.Contains(video.VideoId).Percent;
        Assert.Equal(VideoStep.Plan.OverallPercent(VideoStepNames.ExtractFrames, 50), after);
        Assert.True(after > before);
    }
}
