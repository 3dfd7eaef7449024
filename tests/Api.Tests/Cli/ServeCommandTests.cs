using System.Net;
using System.Text.RegularExpressions;

namespace ShoppableVideo.Api.Tests.Cli;

public sealed class ServeCommandTests : IDisposable
{
    readonly string folder = CliRun.NewFolder();

    [Fact]
    public async Task Serve_prints_the_console_address_it_listens_on_and_where_the_data_folder_is()
    {
        // The host writes from its own threads: the synchronized writer locks on itself, and so does the read.
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        string Output() { lock (output) return text.ToString(); }
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var data = Path.Combine(folder, "data");

        var serve = CliRun.NewApp(output).RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data", data], stop.Token);
        Match console;
        while (!(console = Regex.Match(Output(), @"console: (http://127\.0\.0\.1:\d+/)\n")).Success && !serve.IsCompleted)
            await Task.Delay(100, stop.Token);
        using var http = new HttpClient();
        var health = await http.GetAsync(console.Groups[1].Value + "health", stop.Token);
        await stop.CancelAsync();
        var exitCode = await serve;

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, exitCode);
        Assert.Contains($"data: {data}\n", Output());
        Assert.Contains($"buckets: {Path.Combine(data, "buckets")} ", Output());
        Assert.Contains($"database: {Path.Combine(data, "shoppable.db")}\n", Output());
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
