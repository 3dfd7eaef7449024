namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>fauxqs (npm): S3, SQS and SNS in one process. Its CLI binds 0.0.0.0, so a few lines of Node
/// build its app and listen on 127.0.0.1 instead, on a port of the system's choosing.</summary>
public sealed class FauxqsServer : IAsyncDisposable
{
    readonly ServerProcess process;

    FauxqsServer(ServerProcess process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public int ProcessId => process.Id;

    public static async Task<FauxqsServer> StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "LocalServers", "fauxqs-server.mjs");
        var modules = Path.GetDirectoryName(Path.GetDirectoryName(ToolsPaths.FauxqsModule))!;
        var process = ServerProcess.Start(ToolsPaths.Node22, ["--no-warnings", script],
            new Dictionary<string, string> { ["NODE_PATH"] = modules, ["FAUXQS_MODULE"] = Path.Combine(modules, "fauxqs", "dist", "app.js") });
        try
        {
            var line = await process.WaitForLineAsync(l => l.StartsWith("fauxqs listening at "), TimeSpan.FromMinutes(3));
            return new FauxqsServer(process, new Uri(line["fauxqs listening at ".Length..].Trim()));
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
