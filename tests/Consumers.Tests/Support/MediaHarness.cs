using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Media;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Consumers.Tests.Support;

/// <summary>A fresh in-memory bus per test with the media consumers registered the way the Api does.</summary>
public sealed class MediaHarness : IAsyncDisposable
{
    readonly ServiceProvider _provider;

    public ITestHarness Harness { get; }

    MediaHarness(ServiceProvider provider)
    {
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public static async Task<MediaHarness> StartAsync(IObjectStore store)
    {
        var provider = new ServiceCollection()
            .AddSingleton(store)
            .AddMassTransitTestHarness(x => x.AddMediaConsumers())
            .BuildServiceProvider(true);
        var harness = new MediaHarness(provider);
        harness.Harness.TestTimeout = TimeSpan.FromMinutes(2);
        await harness.Harness.Start();
        return harness;
    }

    public async Task<T> PublishedAsync<T>(Guid videoId, Func<T, Guid> idOf) where T : class
    {
        // A token of our own: without one the wait ends when the bus has been idle about a second, and
        // a step runs ffmpeg for seconds with no bus traffic, so a loaded machine gave up too early.
        using var timeout = new CancellationTokenSource(Harness.TestTimeout);
        try
        {
            await foreach (var message in Harness.Published.SelectAsync<T>(m => idOf(m.Context.Message) == videoId, timeout.Token))
                return message.Context.Message;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
        // Say why when a step failed instead, so a failure under load is not mistaken for slowness.
        var failures = Harness.Published.Select<Messages.VideoStepFailed>().Select(m => m.Context.Message)
            .Where(m => m.VideoId == videoId).Select(m => $"{m.Step}: {m.Reason}");
        throw new TimeoutException($"No {typeof(T).Name} was published for {videoId} within {Harness.TestTimeout}; " +
                                   $"failed steps: [{string.Join("; ", failures)}].");
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
