using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Testing;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>The real VideoProcessing saga, followed by the live mirror: its task tokens come through a real
/// SQS queue (fauxqs), its calls go through the signed client to the Step Functions double.</summary>
public class VideoProcessingMirrorTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    static Task<List<JsonObject>> CallsAsync(MirrorBench bench, string operation, int count) =>
        Poll.UntilAsync(_ =>
        {
            var calls = bench.StepFunctions.CallsTo(operation).ToList();
            return Task.FromResult(calls.Count >= count ? calls : null);
        }, Deadline);

    static Task WaitForExecution(MirrorBench bench, Guid id, string status) =>
        Poll.UntilAsync(_ => Task.FromResult(bench.StepFunctions.Status(id) == status ? "" : null), Deadline);

    [Fact]
    public async Task A_completed_video_starts_one_execution_and_completes_every_step_s_task_in_order_with_its_own_token()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript());
        var video = MirrorBench.NewVideo();

        await bench.Harness.Bus.Publish(video);
        await bench.Harness.Bus.Publish(video); // announced twice, as intake may

        await bench.WaitForState(video.VideoId, m => m.Completed);
        await WaitForExecution(bench, video.VideoId, "SUCCEEDED");
        // Each announcement asks; the execution's name (the saga id) makes the second an ExecutionAlreadyExists.
        var starts = bench.StepFunctions.CallsTo("StartExecution").ToList();
        Assert.Equal(2, starts.Count);
        Assert.Single(starts.Select(s => s.ToJsonString()).Distinct());
        var start = starts[0];
        Assert.Equal(MirrorBench.StateMachineArn, (string?)start["stateMachineArn"]);
        Assert.Equal(video.VideoId.ToString("D"), (string?)start["name"]);
        Assert.Equal(video.VideoId.ToString("D"), (string?)JsonNode.Parse((string)start["input"]!)!["sagaId"]);
        var successes = bench.StepFunctions.CallsTo("SendTaskSuccess").ToList();
        Assert.Equal(bench.StepFunctions.Issued.Select(i => i.Token), successes.Select(s => (string?)s["taskToken"]));
        Assert.Equal(VideoStep.Plan.InOrder, bench.StepFunctions.Issued.Select(i => i.Step));
        Assert.Equal(VideoStep.Plan.InOrder, successes.Select(s => (string?)JsonNode.Parse((string)s["output"]!)!["step"]));
        Assert.Empty(bench.StepFunctions.CallsTo("SendTaskFailure"));
    }

    [Fact]
    public async Task A_step_that_refuses_its_input_fails_its_task_with_the_step_s_error_and_the_saga_s_reason()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript().On(VideoStepNames.ExtractFrames, StepBehaviour.RejectInput));
        var video = MirrorBench.NewVideo();

        await bench.Harness.Bus.Publish(video);

        await bench.WaitForState(video.VideoId, m => m.Failed);
        var failure = Assert.Single(await CallsAsync(bench, "SendTaskFailure", 1));
        Assert.Equal("ExtractFramesFailed", (string?)failure["error"]);
        Assert.Equal("ExtractFrames refused the input", (string?)failure["cause"]);
        Assert.Equal(bench.StepFunctions.Issued.Single(i => i.Step == VideoStepNames.ExtractFrames).Token, (string?)failure["taskToken"]);
        Assert.Single(bench.StepFunctions.CallsTo("SendTaskSuccess"));
        await WaitForExecution(bench, video.VideoId, "FAILED");
    }

    [Fact]
    public async Task Results_that_arrive_before_their_tokens_are_kept_and_each_task_is_completed_once_its_token_is_read()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript(), s => s.HoldTasks());
        var video = MirrorBench.NewVideo();

        await bench.Harness.Bus.Publish(video);
        await bench.WaitForState(video.VideoId, m => m.Completed);
        await Task.Delay(500);
        Assert.Empty(bench.StepFunctions.CallsTo("SendTaskSuccess"));

        bench.StepFunctions.ReleaseTasks();

        var successes = await CallsAsync(bench, "SendTaskSuccess", 5);
        Assert.Equal(bench.StepFunctions.Issued.Select(i => i.Token), successes.Select(s => (string?)s["taskToken"]));
        await WaitForExecution(bench, video.VideoId, "SUCCEEDED");
    }

    [Fact]
    public async Task A_token_message_delivered_twice_completes_its_task_once()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript(), s => s.DuplicateTaskMessages = true);
        var video = MirrorBench.NewVideo();

        await bench.Harness.Bus.Publish(video);

        await WaitForExecution(bench, video.VideoId, "SUCCEEDED");
        await Poll.UntilAsync(async _ => await QueueIsEmptyAsync(bench) ? "" : null, Deadline);
        var successes = bench.StepFunctions.CallsTo("SendTaskSuccess").ToList();
        Assert.Equal(5, successes.Count);
        Assert.Equal(5, successes.Select(s => (string?)s["taskToken"]).Distinct().Count());
    }

    [Fact]
    public async Task A_Step_Functions_that_answers_500_for_good_neither_fails_nor_holds_up_the_saga()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript(), s => s.Down = true);
        var video = MirrorBench.NewVideo();

        await bench.Harness.Bus.Publish(video);

        var saga = await bench.WaitForState(video.VideoId, m => m.Completed);
        Assert.Equal(100, saga.Percent);
        // The saga does not wait for the mirror, whose retries may still be backing off when it completes:
        // the client's three attempts, then the mirror gave up.
        await Poll.UntilAsync(_ => Task.FromResult(bench.StepFunctions.CallsTo("StartExecution").Count() >= 3 ? "" : null), Deadline);
        Assert.Equal(3, bench.StepFunctions.CallsTo("StartExecution").Count());
        Assert.True(await bench.Harness.Consumed.Any<VideoObjectCreated>());
        Assert.False(await bench.Harness.Published.Any<Fault>());
        Assert.False(await bench.Harness.Published.Any<VideoProcessingFailed>());
    }

    static async Task<bool> QueueIsEmptyAsync(MirrorBench bench)
    {
        return await bench.Sqs.MessagesOnQueueAsync(bench.MirrorQueueUrl) == 0;
    }
}
