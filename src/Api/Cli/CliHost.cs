using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Cli;

/// <summary>The embedded host started inside a CLI run, the same host <c>serve</c> runs. It listens on a
/// free loopback port: the run needs no HTTP, and a fixed port would clash with a running <c>serve</c>.</summary>
public sealed class CliHost : IAsyncDisposable
{
    readonly WebApplication app;

    CliHost(WebApplication app) => this.app = app;

    public IServiceProvider Services => app.Services;
    public FolderObjectStore Store => app.Services.GetRequiredService<FolderObjectStore>();

    public static async Task<CliHost> StartAsync(EmbeddedSettings settings, IEnumerable<string> hostArguments,
        CancellationToken cancellationToken)
    {
        // Warnings only unless told otherwise (later arguments win): information logs would tear the
        // progress bars.
        string[] arguments = ["--Logging:LogLevel:Default=Warning", .. hostArguments];
        var app = ShoppableVideoApp.Build(settings, arguments, "http://127.0.0.1:0");
        VisionWarmUp.Begin(app.Services);
        await app.StartAsync(cancellationToken);
        return new CliHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
