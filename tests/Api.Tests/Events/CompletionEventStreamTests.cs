using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Events;

public class CompletionEventStreamTests : IAsyncLifetime
{
    readonly ApiFactory factory = new();
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        http = factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    async Task<ServerSentEventReader> ConnectAsync(string path, CancellationToken ct, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is not null)
            request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEventReader(await response.Content.ReadAsStreamAsync(ct));
    }

    [Fact]
    public async Task The_event_stream_delivers_the_completion_of_a_processed_video()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var events = await ConnectAsync("/events", timeout.Token);

        EventTestSupport.DropSmallVideo(factory, "streamed.mp4");

        var completed = await events.FirstAsync(e => e.Type == "video.completed", timeout.Token);
        var video = await EventTestSupport.WaitForVideoAsync(http, "streamed.mp4");
        var data = EventTestSupport.Json(completed.Data);
        Assert.Equal(video.Id, data.GetProperty("videoId").GetGuid());
        Assert.Equal("streamed.mp4", data.GetProperty("key").GetString());
        Assert.Equal(data.GetProperty("id").GetGuid().ToString("N"), completed.Id);
    }

    [Fact]
    public async Task A_text_file_named_mp4_produces_video_failed_with_the_step_and_the_reason()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var events = await ConnectAsync("/events", timeout.Token);

        EventTestSupport.DropTextPretendingToBeAVideo(factory, "notes.mp4");

        var failed = await events.FirstAsync(e => e.Type == "video.failed", timeout.Token);
        var data = EventTestSupport.Json(failed.Data);
        Assert.Equal("notes.mp4", data.GetProperty("key").GetString());
        Assert.Equal("Probe", data.GetProperty("step").GetString());
        Assert.Contains("ffprobe could not read the file", data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_video_filter_passes_only_that_videos_events_and_a_reconnect_resumes_after_the_last_event_id()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var filtered = await ConnectAsync($"/events?videoId={second}", timeout.Token);
        var all = await ConnectAsync("/events", timeout.Token);

        var bus = factory.Services.GetRequiredService<IBus>();
        foreach (var id in new[] { first, second, third })
            await bus.Publish(new VideoProcessingCompleted(id, new StoredObject("videos", $"{id:N}.mp4", 1, "hash"), $"videos/{id:N}/shoppable.json", 1));

        var only = await filtered.NextAsync(timeout.Token);
        Assert.Equal(second, EventTestSupport.Json(only.Data).GetProperty("videoId").GetGuid());

        // The bus may deliver the three in any order; resuming after whichever came first replays the other two.
        var seen = new List<ServerSentEvent>();
        for (var i = 0; i < 3; i++)
            seen.Add(await all.NextAsync(timeout.Token));
        var resumed = await ConnectAsync("/events", timeout.Token, lastEventId: seen[0].Id);
        Assert.Equal(seen[1].Id, (await resumed.NextAsync(timeout.Token)).Id);
        Assert.Equal(seen[2].Id, (await resumed.NextAsync(timeout.Token)).Id);
    }
}
