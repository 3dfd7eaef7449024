using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.StepFunctions;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Tests.Video;
using ShoppableVideo.Sqlite;

namespace ShoppableVideo.Aws.Tests.StepFunctions;

/// <summary>The mirror queue on a real SQS (fauxqs): what the reader does with the messages task states send.</summary>
public class MirrorQueueReaderTests
{
    static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_token_is_recorded_in_SQLite_and_its_message_deleted_before_the_step_ends_and_the_record_survives_a_restart()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript());
        var sagaId = Guid.NewGuid();
        var probe = new MirroredTask(MirroredSagas.VideoProcessing, sagaId, VideoStepNames.Probe);

        await bench.Mirror.SagaStartedAsync(MirroredSagas.VideoProcessing, sagaId, [], default);

        var token = await Poll.UntilAsync(_ => bench.Store.TokenOfAsync(probe), Deadline);
        Assert.Equal(bench.StepFunctions.Issued.Single().Token, token);
        await Poll.UntilAsync(async _ => await bench.Sqs.MessagesOnQueueAsync(bench.MirrorQueueUrl) == 0 ? "" : null, Deadline);
        Assert.Empty(bench.StepFunctions.CallsTo("SendTaskSuccess"));
        await using (var reopened = new SqliteDatabase(bench.DatabasePath, [SqliteMirrorTaskStore.Schema]))
            Assert.Equal(token, await new SqliteMirrorTaskStore(reopened).TokenOfAsync(probe));

        await bench.Mirror.StepSucceededAsync(probe, default);

        Assert.Equal(token, (string?)Assert.Single(bench.StepFunctions.CallsTo("SendTaskSuccess"))["taskToken"]);
    }

    [Fact]
    public async Task A_message_that_is_not_a_mirror_task_is_deleted_and_the_reader_keeps_reading()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript());
        await bench.Sqs.SendMessageAsync(bench.MirrorQueueUrl, "not json");
        await bench.Sqs.SendMessageAsync(bench.MirrorQueueUrl, """{"TaskToken":"t","SagaId":"not-a-guid","Step":"Probe","Saga":"VideoProcessing"}""");
        var sagaId = Guid.NewGuid();

        await bench.Mirror.SagaStartedAsync(MirroredSagas.VideoProcessing, sagaId, [], default);

        await Poll.UntilAsync(_ => bench.Store.TokenOfAsync(new MirroredTask(MirroredSagas.VideoProcessing, sagaId, VideoStepNames.Probe)), Deadline);
        await Poll.UntilAsync(async _ => await bench.Sqs.MessagesOnQueueAsync(bench.MirrorQueueUrl) == 0 ? "" : null, Deadline);
    }

    [Fact]
    public async Task A_completion_Step_Functions_refuses_as_timed_out_is_logged_and_dropped_and_never_sent_again()
    {
        await using var bench = await MirrorBench.StartAsync(new StepScript());
        var sagaId = Guid.NewGuid();
        var probe = new MirroredTask(MirroredSagas.VideoProcessing, sagaId, VideoStepNames.Probe);
        await bench.Mirror.SagaStartedAsync(MirroredSagas.VideoProcessing, sagaId, [], default);
        var token = await Poll.UntilAsync(_ => bench.Store.TokenOfAsync(probe), Deadline);
        bench.StepFunctions.TimeOutOpenTasks();

        await bench.Mirror.StepSucceededAsync(probe, default);
        // A late redelivery of the same token, and a repeated outcome, change nothing.
        await bench.Mirror.TokenReceivedAsync(new MirrorTaskMessage(token, sagaId, VideoStepNames.Probe, MirroredSagas.VideoProcessing), default);
        await bench.Mirror.StepSucceededAsync(probe, default);

        Assert.Equal(token, (string?)Assert.Single(bench.StepFunctions.CallsTo("SendTaskSuccess"))["taskToken"]);
        Assert.Empty(await bench.Store.ClaimAllReadyAsync());
    }
}
