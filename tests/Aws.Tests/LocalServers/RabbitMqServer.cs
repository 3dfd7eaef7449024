using System.Diagnostics;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>Debian's RabbitMQ, started as a plain process (no systemd): every base folder, the node
/// name, the ports and its own epmd on 127.0.0.1 point into a temporary folder, so it touches nothing of
/// the machine's. It can be stopped and started again on the same ports and data, as a restart in the
/// middle of a run needs.</summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    readonly string folder;
    readonly int epmdPort = FreePort.Next();
    readonly int distributionPort = FreePort.Next();
    readonly ServerProcess epmd;
    ServerProcess? broker;

    RabbitMqServer(string folder)
    {
        this.folder = folder;
        AmqpPort = FreePort.Next();
        NodeName = $"sv{AmqpPort}@localhost";
        epmd = ServerProcess.Start(ToolsPaths.Epmd, ["-address", "127.0.0.1", "-port", $"{epmdPort}"]);
    }

    public int AmqpPort { get; }

    public string NodeName { get; }

    /// <summary>The broker's address as MassTransit takes it; guest/guest is allowed from loopback.</summary>
    public Uri Endpoint => new($"rabbitmq://127.0.0.1:{AmqpPort}/");

    public static async Task<RabbitMqServer> StartAsync()
    {
        ToolsPaths.Require(ToolsPaths.RabbitMqServer);
        var folder = Directory.CreateTempSubdirectory("sv-rabbitmq-").FullName;
        File.WriteAllText(Path.Combine(folder, "enabled_plugins"), "[].");
        var server = new RabbitMqServer(folder);
        try
        {
            await server.StartBrokerAsync();
            return server;
        }
        catch
        {
            // Its epmd and anything the broker started would otherwise outlive the failed fixture.
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartBrokerAsync()
    {
        broker = ServerProcess.Start(ToolsPaths.RabbitMqServer, [], Environment());
        // The broker says so on stdout once it has booted ("Starting broker... completed with 0 plugins."), which
        // under load took more than the 90 s a fixed deadline gave it.
        await broker.WaitForLineAsync(line => line.Contains("completed with", StringComparison.Ordinal), TimeSpan.FromMinutes(5));
        await ControlAsync("await_startup", "--timeout", "300");
    }

    /// <summary>A virtual host of its own for one test's workers, so queues and leftover messages of
    /// another test never reach them.</summary>
    public async Task AddVirtualHostAsync(string name)
    {
        await ControlAsync("add_vhost", name);
        await ControlAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
    }

    /// <summary>Stops the broker the way an operator would (rabbitmqctl stop), keeping its data.</summary>
    public async Task StopBrokerAsync()
    {
        if (broker is null)
            return;
        await ControlAsync("stop");
        broker.Stop();
        broker.Dispose();
        broker = null;
    }

    /// <summary>Kills the broker's process tree at once, as a crash would; durable queues and persistent
    /// messages come back when it starts again.</summary>
    public void KillBroker()
    {
        broker?.Dispose();
        broker = null;
    }

    async Task ControlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(ToolsPaths.RabbitMqCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(NodeName);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in Environment())
            start.Environment[name] = value;
        using var control = Process.Start(start)!;
        var output = control.StandardOutput.ReadToEndAsync();
        var error = control.StandardError.ReadToEndAsync();
        await control.WaitForExitAsync();
        if (control.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {await output}{await error}");
    }

    Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = folder,
        ["RABBITMQ_BASE"] = folder,
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILES"] = Path.Combine(folder, "conf.d"),
        ["RABBITMQ_NODENAME"] = NodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = $"{AmqpPort}",
        ["RABBITMQ_DIST_PORT"] = $"{distributionPort}",
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_EPMD_PORT"] = $"{epmdPort}",
    };

    public async ValueTask DisposeAsync()
    {
        try { await StopBrokerAsync(); }
        catch (InvalidOperationException) { broker?.Dispose(); }
        epmd.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
