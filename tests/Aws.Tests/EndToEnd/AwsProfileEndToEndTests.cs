using System.Net.Http.Json;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Aws.Tests.LocalServers;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>The aws profile end to end on real local servers: the worker is the real host in its own
/// process, configured only by settings, reading S3 events from SQS, keeping saga state in DynamoDB,
/// talking over RabbitMQ, writing the document to S3 and announcing it on SNS.</summary>
public class AwsProfileEndToEndTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    static readonly TimeSpan ProcessingTimeout = TimeSpan.FromMinutes(3);

    [SharedDataFact]
    public async Task A_video_put_into_s3_and_announced_twice_is_processed_once_with_state_in_dynamodb_the_document_in_s3_and_the_event_on_sns()
    {
        var deployment = await stack.DeployAsync("e2e-happy");
        var data = NewDataFolder();
        using var worker = await HostProcess.StartAsync(data, deployment.WorkerSettings());

        var key = "incoming/luma fence.mp4";
        var stored = await deployment.PutAndAnnounceAsync(Buckets.Videos, key, SharedData.Video(Fixtures.Fence));
        await deployment.AnnounceAsync(Buckets.Videos, key, stored); // S3 delivers at least once

        var done = await WaitForFinishedVideoAsync(worker, key);
        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{worker.Output}");
        Assert.Single((await worker.Http.GetFromJsonAsync<List<VideoStatus>>("/videos"))!);

        var item = await deployment.SagaItemAsync(done.Id, nameof(VideoProcessingState));
        Assert.Equal("Completed", item["State"].S);
        Assert.Equal([ShoppableDocument.KeyFor(done.Id)], await deployment.OutputKeysAsync("shoppable.json"));
        var events = await Poll.UntilAsync(async _ => (await deployment.ReceiveCompletionEventsAsync()) is { Count: > 0 } received ? received : null,
            TimeSpan.FromSeconds(30));
        var completed = Assert.Single(events);
        Assert.Equal("VideoProcessingCompleted", completed.GetProperty("eventType").GetString());
        Assert.Equal(done.Id, completed.GetProperty("id").GetGuid());
    }

    [SharedDataFact]
    public async Task A_video_in_the_middle_of_its_steps_survives_a_rabbitmq_crash_and_restart_with_one_document()
    {
        // A broker of its own: the crash must not leave anything behind for the other tests.
        await using var broker = await RabbitMqServer.StartAsync();
        var deployment = await stack.DeployAsync("e2e-broker-restart", broker);
        using var worker = await HostProcess.StartAsync(NewDataFolder(), deployment.WorkerSettings());
        var key = "people.mp4";
        await deployment.PutAndAnnounceAsync(Buckets.Videos, key, SharedData.Video(Fixtures.People));
        var midway = await WaitForVideoAsync(worker, key, v => v.Status.State is not "Probing", ProcessingTimeout);

        string interrupted;
        broker.KillBroker();
        try
        {
            // With the broker down the saga cannot move: this is the state the crash interrupted.
            interrupted = (await deployment.SagaItemAsync(midway.Id, nameof(VideoProcessingState)))["State"].S;
        }
        finally
        {
            await broker.StartBrokerAsync();
        }
        Assert.True(interrupted is not ("Completed" or "Failed"), $"the video finished before the broker went down ({interrupted})");

        var done = await WaitForFinishedVideoAsync(worker, key);
        await AssertCompletedOnceAsync(done, worker);
        Assert.Equal([ShoppableDocument.KeyFor(done.Id)], await deployment.OutputKeysAsync("shoppable.json"));
    }

    [SharedDataFact]
    public async Task A_video_whose_worker_is_killed_mid_step_is_finished_by_the_next_worker_with_one_document()
    {
        var deployment = await stack.DeployAsync("e2e-worker-kill");
        var data = NewDataFolder();
        var key = "people.mp4";
        VideoStatus midway;
        using (var first = await HostProcess.StartAsync(data, deployment.WorkerSettings()))
        {
            await deployment.PutAndAnnounceAsync(Buckets.Videos, key, SharedData.Video(Fixtures.People));
            midway = await WaitForVideoAsync(first, key, v => v.Status.State is not "Probing", ProcessingTimeout);
            first.Kill();
        }
        var killedIn = (await deployment.SagaItemAsync(midway.Id, nameof(VideoProcessingState)))["State"].S;
        Assert.True(killedIn is not ("Completed" or "Failed"), $"the video finished before the worker was killed ({killedIn})");

        using var second = await HostProcess.StartAsync(data, deployment.WorkerSettings());
        var done = await WaitForFinishedVideoAsync(second, key);

        Assert.Equal(midway.Id, done.Id);
        await AssertCompletedOnceAsync(done, second);
        Assert.Equal([ShoppableDocument.KeyFor(done.Id)], await deployment.OutputKeysAsync("shoppable.json"));
    }

    static async Task AssertCompletedOnceAsync(VideoStatus done, HostProcess worker)
    {
        Assert.True(done.Status.State == "Completed", $"{done.Status.FailedStep}: {done.Status.FailureReason}\n{worker.Output}");
        Assert.Single((await worker.Http.GetFromJsonAsync<List<VideoStatus>>("/videos"))!);
    }

    static string NewDataFolder() => Directory.CreateTempSubdirectory("sv-aws-worker-").FullName;

    static Task<VideoStatus> WaitForFinishedVideoAsync(HostProcess worker, string key) =>
        WaitForVideoAsync(worker, key, v => v.Status.State is "Completed" or "Failed", ProcessingTimeout);

    static Task<VideoStatus> WaitForVideoAsync(HostProcess worker, string key, Func<VideoStatus, bool> condition, TimeSpan timeout)
    {
        List<VideoStatus>? seen = null;
        return Poll.UntilAsync(async ct => (seen = await worker.Http.GetFromJsonAsync<List<VideoStatus>>("/videos", ct))?
                .FirstOrDefault(v => v.Video?.Key == key && condition(v)), timeout, intervalMs: 50,
            describe: () => $"videos seen: {string.Join(", ", seen?.Select(v => $"{v.Video?.Key} {v.Status.State}") ?? ["none"])}\n" +
                            $"worker output:\n{worker.Output}");
    }
}
