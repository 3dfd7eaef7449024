namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>dynalite 4.0.0 (npm): DynamoDB's API over an in-memory LevelDB, on 127.0.0.1.</summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    readonly ServerProcess process;

    DynaliteServer(ServerProcess process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<DynaliteServer> StartAsync()
    {
        // dynalite reads --port 0 as "unset" and takes 4567, so the port is picked here.
        var port = FreePort.Next();
        var process = ServerProcess.Start(ToolsPaths.Node22,
            [ToolsPaths.Dynalite, "--host", "127.0.0.1", "--port", $"{port}", "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"]);
        try
        {
            await process.WaitForLineAsync(l => l.StartsWith("Dynalite listening at"), TimeSpan.FromMinutes(3));
            return new DynaliteServer(process, new Uri($"http://127.0.0.1:{port}"));
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
