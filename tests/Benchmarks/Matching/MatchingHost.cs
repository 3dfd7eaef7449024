using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Persistence;
using ShoppableVideo.Sagas.Video;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// The real embedded host on a fresh data folder, driven the way intake drives it: an object is written
/// to its bucket and its ObjectCreated event published at once, so the watcher's settle wait (a property
/// of the file system) is not part of any figure.
/// </summary>
public sealed class MatchingHost : IAsyncDisposable
{
    readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"sv-matching-{Guid.NewGuid():N}");
    readonly WebApplication app;

    MatchingHost(ShotVoteOptions shotVote, BusLimit? busLimit)
    {
        var settings = new EmbeddedSettings { Data = DataDirectory.At(dataRoot), ShotVote = shotVote };
        app = ShoppableVideoApp.Build(busLimit is null ? settings : settings.WithConcurrentMessageLimit(busLimit.Limit),
            ["--Logging:LogLevel:Default=Warning"], urls: "http://127.0.0.1:0");
    }

    public IServiceProvider Services => app.Services;

    public IObjectStore Store => Services.GetRequiredService<IObjectStore>();

    /// <param name="busLimit">messages each endpoint handles at once; null for the host's own default.</param>
    public static async Task<MatchingHost> StartAsync(ShotVoteOptions shotVote, BusLimit? busLimit = null)
    {
        var host = new MatchingHost(shotVote, busLimit);
        await host.app.StartAsync();
        return host;
    }

    /// <summary>Writes the file and identifies it as the bucket watcher will (a manifest's occurrence
    /// included), so the event published here and the watcher's name the same saga.</summary>
    public async Task<StoredObject> PutAsync(string bucket, string key, string path)
    {
        await using (var source = File.OpenRead(path))
            await Store.WriteAsync(bucket, key, source);
        return (await Store.IdentifyAsync(bucket, key))!;
    }

    /// <summary>Publishes the manifest's event and waits for its batch to finish.</summary>
    public async Task<CatalogIngestionState> IngestAsync(StoredObject manifest, TimeSpan timeout)
    {
        var id = ObjectEvents.SagaIdFor(manifest);
        await Services.GetRequiredService<IBus>().Publish(new CatalogManifestCreated(id, manifest));
        var sagas = Services.GetRequiredService<ISagaStateReader<CatalogIngestionState>>();
        return await UntilAsync(async () => await sagas.FindAsync(id) is { } s && CatalogIngestionStateMachine.FinalStates.Contains(s.CurrentState) ? s : null, timeout);
    }

    /// <summary>Publishes the video's event and waits for its saga to finish; throws if it failed.</summary>
    public async Task<VideoProcessingState> ProcessAsync(StoredObject video, TimeSpan timeout)
    {
        var id = ObjectEvents.SagaIdFor(video);
        await Services.GetRequiredService<IBus>().Publish(new VideoObjectCreated(id, video));
        var sagas = Services.GetRequiredService<ISagaStateReader<VideoProcessingState>>();
        var saga = await UntilAsync(async () => await sagas.FindAsync(id) is { } s && VideoProcessingStateMachine.FinalStates.Contains(s.CurrentState) ? s : null, timeout);
        if (saga.CurrentState != nameof(VideoProcessingStateMachine.Completed))
            throw new InvalidOperationException($"{video.Key} failed in {saga.FailedStep}: {saga.FailureReason}");
        return saga;
    }

    public async Task<JsonDocument> ReadDocumentAsync(Guid videoId)
    {
        await using var stream = await Store.OpenReadAsync(Buckets.Output, ShoppableDocument.KeyFor(videoId));
        return await JsonDocument.ParseAsync(stream);
    }

    static async Task<T> UntilAsync<T>(Func<Task<T?>> read, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await read() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"nothing after {timeout}");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        try { Directory.Delete(dataRoot, recursive: true); } catch (IOException) { }
    }
}
