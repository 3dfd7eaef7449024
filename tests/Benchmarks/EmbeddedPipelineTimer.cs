using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using ShoppableVideo.Api.Hosting;

namespace ShoppableVideo.Benchmarks;

/// <summary>Times the whole VideoProcessing saga on the real embedded host (in-memory bus, SQLite, ffmpeg):
/// from the object event to the saga's Completed state (<see cref="BenchmarkVideos"/>). One host serves every
/// video, so start-up is not counted.</summary>
public sealed class EmbeddedPipelineTimer : IPipelineTimer, IAsyncDisposable
{
    readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"sv-bench-{Guid.NewGuid():N}");
    WebApplication? app;

    public async Task<PipelineRun> TimeAsync(string videoPath)
    {
        var host = await StartedHost();
        var created = await BenchmarkVideos.PutAsync(host, videoPath, $"{Guid.NewGuid():N}/{Path.GetFileName(videoPath)}");
        var clock = Stopwatch.StartNew();
        await BenchmarkVideos.AnnounceAsync(host, created);
        var saga = await BenchmarkVideos.CompletedAsync(host, created);
        clock.Stop();
        return new PipelineRun(clock.Elapsed, saga.Timings.ToDictionary(t => t.Step, t => t.Seconds ?? 0));
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
