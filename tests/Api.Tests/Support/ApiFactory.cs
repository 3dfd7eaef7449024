using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Intake;
using ShoppableVideo.Sagas.Steps;

namespace ShoppableVideo.Api.Tests.Support;

/// <summary>The real host, started through its own entry point by WebApplicationFactory, over a fresh
/// data folder: folder buckets, in-memory bus, SQLite, ffmpeg and the installed models. Two keys are
/// configured: one that may write and one that may only read.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string WriteKey = "test-write-key-0123456789";
    public const string ReadKey = "test-read-key-0123456789";

    readonly Action<IServiceCollection>? configureServices;
    readonly IReadOnlyDictionary<string, string?> settings;

    public ApiFactory(Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        this.configureServices = configureServices;
        this.settings = settings ?? new Dictionary<string, string?>();
        Data = EmbeddedHost.NewDataDirectory();
    }

    public DataDirectory Data { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(ShoppableVideoApp.DataKey, Data.Root);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting($"{ApiKeyOptions.Section}:Keys:0:Name", "test-writer");
        builder.UseSetting($"{ApiKeyOptions.Section}:Keys:0:Sha256", ApiKeyVerifier.Hash(WriteKey));
        builder.UseSetting($"{ApiKeyOptions.Section}:Keys:1:Name", "test-reader");
        builder.UseSetting($"{ApiKeyOptions.Section}:Keys:1:Sha256", ApiKeyVerifier.Hash(ReadKey));
        builder.UseSetting($"{ApiKeyOptions.Section}:Keys:1:Scopes:0", ApiScopes.Read);
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(new IntakeOptions { SettleTime = TimeSpan.FromMilliseconds(500), RescanInterval = TimeSpan.FromSeconds(5) });
            services.AddSingleton(new StepPolicy { StepTimeout = TimeSpan.FromMinutes(2), MaxAttempts = 2 });
            configureServices?.Invoke(services);
        });
    }

    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        if (apiKey is not null)
            client.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, apiKey);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(Data.Root, recursive: true); } catch (IOException) { }
    }
}
