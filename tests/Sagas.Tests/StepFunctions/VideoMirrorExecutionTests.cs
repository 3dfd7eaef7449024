using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Sagas.Tests.StepFunctions;

/// <summary>The generated video definition, run locally, passes the same states as the real saga run in a
/// test harness with scripted consumers, in the same scenario.</summary>
public class VideoMirrorExecutionTests
{
    const string Definition = "video-processing.asl.json";

    [Fact]
    public async Task A_video_that_completes_passes_the_same_states_in_the_saga_and_in_its_mirror()
    {
        var saga = await RunSaga(new StepScript(), VideoStepNames.PublishMetadata, completes: true);

        var mirror = await LocalExecution.RunAsync(GeneratedDefinitionsTests.Definition(Definition), new { });

        Assert.Equal("SUCCEEDED", mirror.Status);
        Assert.Equal(saga.Path, mirror.AsSagaPath(GeneratedDefinitionsTests.Definition(Definition), saga.FailedState));
    }

    [Fact]
    public async Task A_step_that_keeps_crashing_fails_after_its_retries_at_the_same_state_in_the_saga_and_in_its_mirror()
    {
        const int deliveryRetries = 3;
        var script = new StepScript().On(VideoStepNames.DetectSegments, StepBehaviour.Throw);
        var saga = await RunSaga(script, VideoStepNames.DetectSegments, completes: false, deliveryRetries: deliveryRetries);

        // The saga hears one Fault after the consumer's retries and reports it once: the mirror does not retry it.
        var definition = GeneratedDefinitionsTests.Definition(Definition);
        var mirror = await LocalExecution.RunAsync(definition,
            new { fail = new { state = "DetectingSegments", error = "StepFaulted", cause = saga.Reason } });

        Assert.Equal(1 + deliveryRetries, script.Received(VideoStepNames.DetectSegments));
        Assert.Equal(1, mirror.Calls["DetectingSegments"]);
        Assert.Equal(saga.Path, mirror.AsSagaPath(definition, saga.FailedState));
        Assert.Equal("DetectSegmentsFailed", mirror.Error);
        Assert.Equal(saga.Reason, mirror.Cause);
    }

    [Fact]
    public async Task A_step_that_never_answers_times_out_as_often_and_fails_at_the_same_state_in_the_saga_and_in_its_mirror()
    {
        var script = new StepScript().On(VideoStepNames.AnalyzeFrames, StepBehaviour.Ignore);
        var policy = new StepPolicy { StepTimeout = TimeSpan.FromMilliseconds(200), MaxAttempts = 3 };
        var saga = await RunSaga(script, VideoStepNames.AnalyzeFrames, completes: false, policy: policy);

        var definition = GeneratedDefinitionsTests.Definition(Definition);
        var mirror = await LocalExecution.RunAsync(definition, new { silent = "AnalyzingFrames" });

        Assert.Equal(new StepPolicy().MaxAttempts, policy.MaxAttempts);
        Assert.Equal(script.Received(VideoStepNames.AnalyzeFrames), mirror.Calls["AnalyzingFrames"]);
        Assert.Equal(saga.Path, mirror.AsSagaPath(definition, saga.FailedState));
        Assert.Equal("AnalyzeFramesFailed", mirror.Error);
    }

    sealed record SagaRun(IReadOnlyList<string> Path, string FailedState, string? Reason);

    static async Task<SagaRun> RunSaga(
        StepScript script, string lastStep, bool completes, StepPolicy? policy = null, int deliveryRetries = 0)
    {
        await using var test = await VideoSagaHarness.StartAsync(script, policy, deliveryRetries);
        var path = new SagaStatePath<VideoProcessingState>();
        using var observing = test.Machine.ConnectStateObserver(path);
        var video = VideoSagaHarness.NewVideo();

        await test.Harness.Bus.Publish(video);

        var saga = await test.WaitForState(video.VideoId, completes ? test.Machine.Completed : test.Machine.Failed);
        if (!completes)
            Assert.Equal(lastStep, saga.FailedStep);
        // Commands already in flight (a last retried one) finish before the counts are read.
        await test.Harness.InactivityTask;
        // A new saga is created in Initial; the mirror's execution starts where the saga leaves it.
        var states = path.Of(video.VideoId).Where(s => s != test.Machine.Initial.Name).ToArray();
        return new SagaRun(states, test.Machine.Failed.Name, saga.FailureReason);
    }
}
