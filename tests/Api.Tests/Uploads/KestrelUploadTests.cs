using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Api.Auth;
using ShoppableVideo.Api.Hosting;
using ShoppableVideo.Api.Tests.Support;
using ShoppableVideo.Api.Uploads;
using ShoppableVideo.Consumers.Storage;

namespace ShoppableVideo.Api.Tests.Uploads;

/// <summary>Uploads through real Kestrel, whose own request body limit (30 MB by default) the test
/// server does not have.</summary>
public class KestrelUploadTests
{
    /// <summary>The app on real Kestrel at a loopback port, with a client that sends the write key.</summary>
    sealed class KestrelHost : IAsyncDisposable
    {
        readonly WebApplication app;

        KestrelHost(WebApplication app, DataDirectory data, HttpClient http) => (this.app, Data, Http) = (app, data, http);

        public DataDirectory Data { get; }
        public HttpClient Http { get; }

        /// <param name="settings">command-line settings after the defaults; a later one wins.</param>
        public static async Task<KestrelHost> StartAsync(params string[] settings)
        {
            var data = EmbeddedHost.NewDataDirectory();
            var app = ShoppableVideoApp.Build(new EmbeddedSettings { Data = data },
            [
                "--Logging:LogLevel:Default=Warning",
                $"--{ApiKeyOptions.Section}:Keys:0:Sha256={ApiKeyVerifier.Hash(ApiFactory.WriteKey)}",
                .. settings,
            ], urls: "http://127.0.0.1:0");
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add(ApiKeyFilter.HeaderName, ApiFactory.WriteKey);
            return new KestrelHost(app, data, http);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
            try { Directory.Delete(Data.Root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_video_larger_than_Kestrels_default_body_limit_is_accepted()
    {
        await using var host = await KestrelHost.StartAsync();
        // A real MP4 followed by 32 MiB of padding: the sniffer reads the head, Kestrel counts the body.
        var video = UploadFixtures.SmallMp4();
        var body = new byte[video.Length + (32 << 20)];
        video.CopyTo(body, 0);

        var response = await host.Http.PostAsync("/videos?name=long.mp4", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = (await response.Content.ReadFromJsonAsync<VideoUploadAccepted>())!;
        Assert.Equal(body.Length, accepted.Size);
        Assert.Equal(body.Length, new FileInfo(Path.Combine(host.Data.BucketsRoot, "videos", "uploads", "long.mp4")).Length);
    }

    [Fact]
    public async Task A_chunked_form_over_the_body_limit_is_refused_by_kestrel_with_a_413_problem_not_a_500()
    {
        const int Limit = 1 << 20;
        await using var host = await KestrelHost.StartAsync(
            "--Logging:LogLevel:Default=Critical",
            $"--{UploadOptions.Section}:{nameof(UploadOptions.MaxVideoBytes)}={Limit}");
        // The video itself is small; a form field before it is not. The endpoint counts only the file's
        // bytes, so what stops this body is Kestrel's own limit, thrown from inside the endpoint's read.
        var form = new MultipartFormDataContent
        {
            { new StringContent(new string('x', 2 * Limit)), "note" },
            { new ByteArrayContent(UploadFixtures.SmallMp4()), "video", "small.mp4" },
        };

        var response = await host.Http.PostAsync("/videos", new UnknownLengthContent(await form.ReadAsByteArrayAsync())
        {
            Headers = { ContentType = form.Headers.ContentType },
        });

        var problem = await UploadAssertions.AssertProblem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("larger than this endpoint accepts", problem.GetProperty("detail").GetString());
        UploadAssertions.AssertNothingStored(host.Data, Buckets.Videos);
        var staging = Path.Combine(host.Data.Root, "uploads-staging");
        Assert.True(!Directory.Exists(staging) || !Directory.EnumerateFiles(staging).Any());
    }

    [Fact]
    public async Task A_body_that_stalls_below_kestrels_minimum_rate_is_answered_408_and_nothing_is_stored()
    {
        await using var host = await KestrelHost.StartAsync("--Logging:LogLevel:Default=Critical");
        var video = UploadFixtures.SmallMp4();
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(host.Http.BaseAddress!.Host, host.Http.BaseAddress.Port);
        var stream = client.GetStream();
        var head = $"POST /videos?name=stalled.mp4 HTTP/1.1\r\nHost: {host.Http.BaseAddress.Authority}\r\n" +
                   $"{ApiKeyFilter.HeaderName}: {ApiFactory.WriteKey}\r\nContent-Type: application/octet-stream\r\n" +
                   $"Content-Length: {video.Length + (8 << 20)}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        // A few bytes, then nothing: Kestrel's minimum body rate (240 B/s on average, after a 5 s grace)
        // cuts the read off, and the client must hear why rather than see the connection die.
        await stream.WriteAsync(video.AsMemory(0, 16));

        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
        // The server closes the connection after a cut-off body, so the rest is the answer's head and body.
        var rest = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal("HTTP/1.1 408 Request Timeout", statusLine);
        Assert.Contains("Content-Type: application/problem+json", rest);
        Assert.Contains("the request body arrived too slowly", rest);
        UploadAssertions.AssertNothingStored(host.Data, Buckets.Videos);
    }
}
