using System.Net;
using ShoppableVideo.Api.Events;
using ShoppableVideo.Api.Tests.Events;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Aws.Tests.EndToEnd;

/// <summary>Completion events reach the SSE clients of every API process, whichever worker finished the
/// video: each process listens on a queue of its own, where a shared queue would give each event to one.</summary>
public class EventFanOutTests(LocalAwsStack stack) : IClassFixture<LocalAwsStack>
{
    [SharedDataFact]
    public async Task Every_process_streams_the_completion_of_a_video_only_one_of_them_processed()
    {
        var deployment = await stack.DeployAsync("e2e-fan-out");
        using var first = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-fan-").FullName, deployment.WorkerSettings());
        using var second = await HostProcess.StartAsync(Directory.CreateTempSubdirectory("sv-aws-fan-").FullName, deployment.WorkerSettings());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var streams = new[] { await ConnectAsync(first, timeout.Token), await ConnectAsync(second, timeout.Token) };

        await deployment.PutAndAnnounceAsync(Buckets.Videos, "fan-out.mp4", SharedData.Video(Fixtures.Fence));

        foreach (var stream in streams)
        {
            var completed = await stream.FirstAsync(e => e.Type == CompletionEventTypes.VideoCompleted, timeout.Token);
            Assert.Equal("fan-out.mp4", CompletionEvent.FromJson(completed.Data).Key);
        }
    }

    static async Task<ServerSentEventReader> ConnectAsync(HostProcess host, CancellationToken ct)
    {
        var response = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/events"), HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new ServerSentEventReader(await response.Content.ReadAsStreamAsync(ct));
    }
}
