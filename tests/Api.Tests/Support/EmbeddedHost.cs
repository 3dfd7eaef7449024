using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>The real embedded host in this process (folder buckets, in-memory bus, SQLite, ffmpeg) on
/// a free loopback port, over a fresh data folder that is deleted afterwards.</summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    EmbeddedHost(WebApplication app, DataDirectory data)
    {
        App = app;
        Data = data;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
        // The operator's key, so the tests can call the mutating endpoints as an operator would.
        Http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, ApiFactory.WriteKey);
    }

    public WebApplication App { get; }
    public DataDirectory Data { get; }
    public HttpClient Http { get; }

    public static DataDirectory NewDataDirectory() =>
        DataDirectory.At(Path.Combine(Path.GetTempPath(), $"sv-api-{Guid.NewGuid():N}")).EnsureCreated();

    /// <param name="configureServices">replaces adapters after the profile registered its own.</param>
    public static async Task<EmbeddedHost> StartAsync(DataDirectory? existing = null, Action<IServiceCollection>? configureServices = null)
    {
        var data = existing ?? NewDataDirectory();
        var settings = new EmbeddedSettings
        {
            Data = data,
            Intake = new IntakeOptions { SettleTime = TimeSpan.FromMilliseconds(500), RescanInterval = TimeSpan.FromSeconds(5) },
            Steps = new StepPolicy { StepTimeout = TimeSpan.FromMinutes(2), MaxAttempts = 2 },
            ConfigureServices = configureServices,
        };
        var app = ShoppableVideoApp.Build(settings,
        [
            "--Logging:LogLevel:Default=Warning",
            $"--{ApiKeyOptions.Section}:Keys:0:Sha256={ApiKeyVerifier.Hash(ApiFactory.WriteKey)}",
        ], urls: "http://127.0.0.1:0");
        await app.StartAsync();
        return new EmbeddedHost(app, data);
    }

    public string VideosFolder => Path.Combine(Data.BucketsRoot, "videos");

    /// <summary>Polls the status API until the video with this key reaches Completed or Failed.</summary>
    /// <param name="beforeEachLook">runs before each poll: a test moving the host's clock on.</param>
    public Task<VideoStatus> WaitForVideoAsync(string key, TimeSpan timeout, Action? beforeEachLook = null) =>
        Poll.UntilAsync(async ct =>
        {
            beforeEachLook?.Invoke();
            return (await Http.GetFromJsonAsync<List<VideoStatus>>("/videos?limit=1000", ct))?
                .FirstOrDefault(v => v.Video?.Key == key && v.Status.State is "Completed" or "Failed");
        }, timeout);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(Data.Root, recursive: true); } catch (IOException) { }
    }
}
