using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Benchmarks;

/// <summary>Videos handed to a running embedded host as intake would hand them: the file is put in the videos
/// bucket first and its object event published, so the intake's settle wait (a property of the file system,
/// not of the saga) is never timed.</summary>
public static class BenchmarkVideos
{
    /// <summary>Puts the file under <paramref name="key"/>; returns the saga id and the event to publish.</summary>
    public static async Task<VideoObjectCreated> PutAsync(WebApplication host, string path, string key)
    {
        await using (var source = File.OpenRead(path))
            await host.Services.GetRequiredService<IObjectStore>().WriteAsync(Buckets.Videos, key, source);
        var video = new StoredObject(Buckets.Videos, key, new FileInfo(path).Length, await ContentHash.OfFileAsync(path));
        return new VideoObjectCreated(ObjectEvents.SagaIdFor(video), video);
    }

    public static Task AnnounceAsync(WebApplication host, VideoObjectCreated created) =>
        host.Services.GetRequiredService<IBus>().Publish(created);

    /// <summary>Waits for the video's saga to finish; a failed one is an error, not a figure.</summary>
    public static async Task<VideoProcessingState> CompletedAsync(WebApplication host, VideoObjectCreated created)
    {
        var sagas = host.Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        while (true)
        {
            if (await sagas.FindAsync(created.VideoId) is { } saga && VideoProcessingStateMachine.FinalStates.Contains(saga.CurrentState))
                return saga.CurrentState == nameof(VideoProcessingStateMachine.Completed)
                    ? saga
                    : throw new InvalidOperationException($"{created.Video.Key} failed: {saga.FailureReason}");
            await Task.Delay(5);
        }
    }
}
