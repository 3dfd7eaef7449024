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
            // The published list stops waiting once the bus has been idle for the inactivity timeout (1.2 s by
            // default), whatever token the wait passes; a step runs ffmpeg for seconds with no bus traffic, so
            // on a loaded machine the wait gave up early. Only the test timeout ends a wait here.
            .AddMassTransitTestHarness(x =>
            {
                x.AddMediaConsumers();
                x.SetTestTimeouts(testTimeout: TimeSpan.FromMinutes(2), testInactivityTimeout: TimeSpan.FromMinutes(2));
            })
            .BuildServiceProvider(true);
        var harness = new MediaHarness(provider);
        await harness.Harness.Start();
        return harness;
    }

    public async Task<T> PublishedAsync<T>(Guid videoId, Func<T, Guid> idOf) where T : class
    {
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
        var failures = PublishedSoFar<Messages.VideoStepFailed>()
            .Where(m => m.VideoId == videoId).Select(m => $"{m.Step}: {m.Reason}");
        throw new TimeoutException($"No {typeof(T).Name} was published for {videoId} within {Harness.TestTimeout}; " +
                                   $"failed steps: [{string.Join("; ", failures)}].");
    }

    /// <summary>The messages of a type published so far; unlike the harness's own list it does not wait for more.</summary>
    public IEnumerable<T> PublishedSoFar<T>() where T : class =>
        Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message);

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
