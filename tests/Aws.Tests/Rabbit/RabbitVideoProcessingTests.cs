using ShoppableVideo.Api.Hosting.Bus;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.Rabbit;

/// <summary>The video saga over a real RabbitMQ broker with the aws profile's transport: the happy path,
/// a step timeout without the delayed-exchange plugin, broker restarts mid-run, a process dying between saving the
/// saga and sending its command, and a poison message.</summary>
public sealed class RabbitVideoProcessingTests(RabbitBroker broker) : IClassFixture<RabbitBroker>
{
    // Every wait ends at its event; this only bounds a hang. 90 s was a guess that a loaded machine outran:
    // after a broker restart MassTransit reconnects with a growing backoff, and the broker itself boots slowly.
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_video_runs_every_step_over_rabbitmq_and_completes_once_with_its_document()
    {
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, new StepScript(), LongTimeout());
        var video = RabbitVideoBus.NewVideo();

        await bus.Bus.Publish(video);

        var completed = Assert.IsType<VideoProcessingCompleted>(await bus.Outcomes.FirstAsync(Patience));
        Assert.Equal($"videos/{video.VideoId:N}/shoppable.json", completed.DocumentKey);
        var saga = await bus.SagaAsync(video.VideoId);
        Assert.Equal("Completed", saga.CurrentState);
        Assert.Equal(VideoStep.Plan.InOrder, saga.Timings.Select(t => t.Step));
        Assert.All(saga.Timings, t => Assert.Equal(1, t.Attempts));
        Assert.Single(bus.Outcomes.Events);
    }

    [Fact]
    public async Task A_step_whose_command_is_never_answered_times_out_through_a_ttl_queue_and_is_reissued()
    {
        var script = new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.IgnoreFirstThenSucceed);
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, script, new StepPolicy { StepTimeout = TimeSpan.FromSeconds(1) });
        var video = RabbitVideoBus.NewVideo();

        await bus.Bus.Publish(video);

        Assert.IsType<VideoProcessingCompleted>(await bus.Outcomes.FirstAsync(Patience));
        Assert.Equal(2, script.Received(VideoStepNames.ExtractFrames));
        var saga = await bus.SagaAsync(video.VideoId);
        Assert.Equal(2, saga.Timings.Single(t => t.Step == VideoStepNames.ExtractFrames).Attempts);
        // The timeout went through the broker's TTL queue for this destination and delay, not the plugin.
        var delayQueue = RabbitMqDelayQueues.NameFor(bus.SagaQueue, TimeSpan.FromSeconds(1));
        Assert.NotNull(await BrokerQueues.MessageCountAsync(broker.Server, delayQueue));
    }

    [Fact]
    public async Task Restarting_the_broker_after_the_first_step_loses_nothing_and_the_video_completes_once()
    {
        var script = new StepScript();
        var hold = new StepHold(VideoStepNames.ExtractFrames);
        // A timeout far beyond the test: recovery must come from reconnecting, not from re-issuing the step.
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, script, LongTimeout(), hold);
        var video = RabbitVideoBus.NewVideo();

        await bus.Bus.Publish(video);
        // The step finishes while the broker is away: its result is published into a dead connection.
        await RestartTheBrokerAroundAsync(hold);

        var completed = Assert.IsType<VideoProcessingCompleted>(await bus.Outcomes.FirstAsync(Patience));
        Assert.Equal(video.VideoId, completed.VideoId);
        // The held delivery was never acknowledged: the broker delivered it again after the restart.
        Assert.Equal(2, script.Received(VideoStepNames.ExtractFrames));
        var saga = await bus.SagaAsync(video.VideoId);
        Assert.Equal("Completed", saga.CurrentState);
        Assert.All(saga.Timings, t => Assert.Equal(1, t.Attempts));
        Assert.Single(bus.Outcomes.Events);
    }

    [Fact]
    public async Task A_result_redelivered_after_the_saga_moved_on_sends_the_next_steps_command_again_at_once()
    {
        // The process handling the probe's result dies after saving the saga on ExtractFrames and before
        // sending ExtractFrames' command; the broker has the result back once it restarts.
        var script = new StepScript();
        var hold = new StepHold(nameof(VideoProbed));
        // A timeout far beyond the test: the step must come back from the redelivery, not from the timeout.
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, script, LongTimeout(),
            sagaFilter: new HeldSagaMessage<VideoProbed>(hold));
        var video = RabbitVideoBus.NewVideo();

        await bus.Bus.Publish(video);
        await RestartTheBrokerAroundAsync(hold);

        var outcome = await bus.Outcomes.FirstAsync(Patience);
        Assert.True(outcome is VideoProcessingCompleted, $"the video did not complete: {outcome}");
        Assert.Equal(1, script.Received(VideoStepNames.ExtractFrames));
        var saga = await bus.SagaAsync(video.VideoId);
        Assert.Equal(2, saga.Timings.Single(t => t.Step == VideoStepNames.ExtractFrames).Attempts);
        Assert.Single(bus.Outcomes.Events);
    }

    [Fact]
    public async Task A_timeout_waiting_in_the_broker_survives_a_broker_restart()
    {
        var script = new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.IgnoreFirstThenSucceed);
        // Attempts to spare: on a loaded machine the bus may take longer than one timeout to reconnect after
        // the restart, and the re-issued step times out again before a consumer is back. What this test holds
        // is that the waiting timeout fires after the restart at all, not how few attempts that took.
        var policy = new StepPolicy { StepTimeout = TimeSpan.FromSeconds(6), MaxAttempts = 10 };
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, script, policy);
        var video = RabbitVideoBus.NewVideo();
        var delayQueue = RabbitMqDelayQueues.NameFor(bus.SagaQueue, policy.StepTimeout);

        await bus.Bus.Publish(video);
        // Probe's timeout was dropped on its way back (its token replaced); ExtractFrames' is the one waiting.
        await Poll.UntilAsync(async _ => script.Received(VideoStepNames.ExtractFrames) == 1
            && await BrokerQueues.MessageCountAsync(broker.Server, delayQueue) >= 1 ? "waiting" : null, Patience);
        await broker.Server.StopBrokerAsync();
        await broker.Server.StartBrokerAsync();

        var outcome = await bus.Outcomes.FirstAsync(Patience);
        Assert.True(outcome is VideoProcessingCompleted, $"the video did not complete: {outcome}");
        var saga = await bus.SagaAsync(video.VideoId);
        Assert.InRange(saga.Timings.Single(t => t.Step == VideoStepNames.ExtractFrames).Attempts, 2, policy.MaxAttempts);
        Assert.Single(bus.Outcomes.Events);
    }

    [Fact]
    public async Task A_command_that_keeps_failing_is_retried_then_kept_in_the_error_queue_and_fails_the_video()
    {
        var script = new StepScript().On(VideoStepNames.Probe, StepBehaviour.Throw);
        await using var bus = await RabbitVideoBus.StartAsync(broker.Server, script, LongTimeout());
        var video = RabbitVideoBus.NewVideo();

        await bus.Bus.Publish(video);

        var failed = Assert.IsType<VideoProcessingFailed>(await bus.Outcomes.FirstAsync(Patience));
        Assert.Equal(VideoStepNames.Probe, failed.Step);
        Assert.Contains("Probe crashed", failed.Reason);
        // The first delivery and the three retries of the shared policy.
        Assert.Equal(4, script.Received(VideoStepNames.Probe));
        await Poll.UntilAsync(async _ => await BrokerQueues.MessageCountAsync(broker.Server, $"{bus.StepQueue}_error") == 1 ? "kept" : null, Patience);
    }

    /// <summary>Stops the broker once <paramref name="hold"/> is reached, lets the held handling go on against
    /// the dead connection, then starts the broker again on the same ports and data.</summary>
    async Task RestartTheBrokerAroundAsync(StepHold hold)
    {
        await hold.Reached.WaitAsync(Patience);
        await broker.Server.StopBrokerAsync();
        hold.Release();
        await broker.Server.StartBrokerAsync();
    }

    static StepPolicy LongTimeout() => new() { StepTimeout = TimeSpan.FromMinutes(10) };
}
