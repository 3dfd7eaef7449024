using ShoppableVideo.Api.Endpoints;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Consumers.Tests.Support;

namespace ShoppableVideo.Api.Tests.Cli;

/// <summary>A data folder in which the real embedded host has processed one small generated video. The
/// host keeps running while the tests read the folder, as a <c>serve</c> would beside <c>status</c>.</summary>
public sealed class ProcessedVideoFolder : IAsyncLifetime
{
    EmbeddedHost? host;

    public EmbeddedHost Host => host ?? throw new InvalidOperationException("not started");
    public VideoStatus Video { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        host = await EmbeddedHost.StartAsync();
        var staged = Path.Combine(host.Data.Root, "bars.mp4");
        Ffmpeg.Generate(staged, "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "mpeg4");
        File.Move(staged, Path.Combine(host.VideosFolder, "bars.mp4"));
        Video = await host.WaitForVideoAsync("bars.mp4", TimeSpan.FromMinutes(1));
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }
}
