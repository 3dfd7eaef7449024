using System.Diagnostics;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Benchmarks;

/// <summary>Times the whole VideoProcessing saga on the real embedded host (in-memory bus, SQLite, ffmpeg):
/// from the object event to the saga's Completed state. The video is put in the bucket first and the
/// event published as intake would, so the intake's settle wait (a property of the file system, not of
/// the saga) is not counted. One host serves every video, so start-up is not counted either.</summary>
public sealed class EmbeddedPipelineTimer : IPipelineTimer, IAsyncDisposable
{
    readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"sv-bench-{Guid.NewGuid():N}");
    WebApplication? app;

    public async Task<PipelineRun> TimeAsync(string videoPath)
    {
        var host = await StartedHost();
        var store = host.Services.GetRequiredService<IObjectStore>();
        var key = $"{Guid.NewGuid():N}/{Path.GetFileName(videoPath)}";
        await using (var source = File.OpenRead(videoPath))
            await store.WriteAsync(Buckets.Videos, key, source);
        var video = new StoredObject(Buckets.Videos, key, new FileInfo(videoPath).Length, await ContentHash.OfFileAsync(videoPath));
        var id = ObjectEvents.SagaIdFor(video);
        var sagas = host.Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();

        var clock = Stopwatch.StartNew();
        await host.Services.GetRequiredService<IBus>().Publish(new VideoObjectCreated(id, video));
        while (true)
        {
            var saga = await sagas.FindAsync(id);
            if (saga is not null && VideoProcessingStateMachine.FinalStates.Contains(saga.CurrentState))
            {
                clock.Stop();
                if (saga.CurrentState != nameof(VideoProcessingStateMachine.Completed))
                    throw new InvalidOperationException($"{videoPath} failed: {saga.FailureReason}");
                return new PipelineRun(clock.Elapsed, saga.Timings.ToDictionary(t => t.Step, t => t.Seconds ?? 0));
            }
            await Task.Delay(5);
        }
    }

    async Task<WebApplication> StartedHost()
    {
        if (app is not null)
            return app;
        app = ShoppableVideoApp.Build(new EmbeddedSettings { Data = DataDirectory.At(dataRoot) },
            ["--Logging:LogLevel:Default=Warning"], urls: "http://127.0.0.1:0");
        await app.StartAsync();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Directory.Delete(dataRoot, recursive: true);
    }
}
