using System.Diagnostics;
using System.Text.Json;

namespace ShoppableVideo.Benchmarks;

/// <summary>
/// How long <c>serve</c> takes to be of use, started as a user starts it (a new <c>dotnet</c> process over an
/// existing data folder, warm: the first of each kind is run and thrown away): until it listens (its
/// <c>console:</c> line) and until <c>/health/ready</c> answers 200 (SQLite, ffmpeg, the models, the buckets,
/// the saga store, the index and the bus all checked). The floor in the same run is <c>--help</c>: the .NET
/// runtime and the CLI starting with nothing to do. Each figure is the best of <see cref="Runs"/>.
/// The time to listening is broken down by the timestamps of the host's own log lines (MassTransit's and
/// the hosting lifetime's, at Information): until the bus begins configuring its endpoints (the runtime, the
/// host built, its services resolved, the SQLite schema applied), until the bus has started, and until Kestrel
/// listens.
/// </summary>
public sealed class StartupBenchmark
{
    const int Runs = 5;
    /// <summary>The CLI as run.sh runs it: the API project's own build output, with its runtime settings.</summary>
    static readonly string Cli = Path.Combine(RepositoryRoot(), "src", "Api", "bin", "Release", "net10.0", "ShoppableVideo.Api.dll");

    static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ShoppableVideo.sln")))
                return folder.FullName;
        throw new InvalidOperationException("run the benchmark from the repository's build output");
    }

    public async Task<int> RunAsync()
    {
        var data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"sv-startup-{Guid.NewGuid():N}")).FullName;
        try
        {
            var help = new List<double>();
            var listening = new List<double>();
            var ready = new List<double>();
            var phases = new List<StartupPhases>();
            for (var run = -1; run < Runs; run++)
            {
                var helpSeconds = await TimeHelpAsync();
                var (listen, readyAt, phasesOfRun) = await TimeServeAsync(data);
                if (run < 0)
                    continue; // warm-up: the first start also creates the database and fills the OS cache
                help.Add(helpSeconds);
                listening.Add(listen);
                ready.Add(readyAt);
                phases.Add(phasesOfRun);
            }
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
            {
                ["help_s"] = Math.Round(help.Min(), 3),
                ["serve_listening_s"] = Math.Round(listening.Min(), 3),
                ["serve_ready_s"] = Math.Round(ready.Min(), 3),
                ["listening_vs_help"] = Math.Round(listening.Min() / help.Min(), 2),
                ["ready_after_listening_s"] = Math.Round(ready.Min() - listening.Min(), 3),
                ["until_bus_configuring_s"] = Math.Round(phases.Min(p => p.BusConfiguring), 3),
                ["bus_configure_and_start_s"] = Math.Round(phases.Min(p => p.BusStarted - p.BusConfiguring), 3),
                ["bus_started_to_listening_s"] = Math.Round(phases.Min(p => p.Listening - p.BusStarted), 3),
                ["runs"] = Runs,
            }));
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    static async Task<double> TimeHelpAsync()
    {
        var clock = Stopwatch.StartNew();
        using var help = Process.Start(Start("--help"))!;
        await help.StandardOutput.ReadToEndAsync();
        await help.WaitForExitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Seconds from the process start to the host's milestones, read from its log lines' timestamps.</summary>
    record StartupPhases(double BusConfiguring, double BusStarted, double Listening);

    /// <summary>Seconds from the process start to its <c>console:</c> line, to the first ready answer, and to
    /// each of the milestones its log names.</summary>
    static async Task<(double Listening, double Ready, StartupPhases Phases)> TimeServeAsync(string data)
    {
        var clock = Stopwatch.StartNew();
        var startedAt = DateTime.Now;
        using var serve = Process.Start(Start("serve", "--urls", "http://127.0.0.1:0", "--data", data))!;
        try
        {
            string? address = null;
            var (configuring, busStarted, listeningLogged) = (double.NaN, double.NaN, double.NaN);
            string? stamp = null;
            var listening = double.NaN;
            // Until both the console line and the listening log line are read: the logger writes from its own
            // thread, so its line may come after the console line printed once the host has started.
            while ((address is null || double.IsNaN(listeningLogged)) && await serve.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("console: ", StringComparison.Ordinal))
                    (address, listening) = (line["console: ".Length..], clock.Elapsed.TotalSeconds);
                else if (line.Length > 12 && TimeOnly.TryParseExact(line[..12], "HH:mm:ss.fff", out _))
                    stamp = line[..12]; // the message follows on the next line
                else if (stamp is not null)
                {
                    var at = (TimeOnly.ParseExact(stamp, "HH:mm:ss.fff") - TimeOnly.FromDateTime(startedAt)).TotalSeconds;
                    if (line.Contains("Configured endpoint") && double.IsNaN(configuring))
                        configuring = at;
                    else if (line.Contains("Bus started"))
                        busStarted = at;
                    else if (line.Contains("Now listening on"))
                        listeningLogged = at;
                    stamp = null;
                }
            }
            if (address is null)
                throw new InvalidOperationException($"serve ended without listening: {await serve.StandardError.ReadToEndAsync()}");
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            // Polled, as a load balancer's readiness probe would; 10 ms apart, so it adds at most that.
            while (!(await http.GetAsync("health/ready")).IsSuccessStatusCode)
                await Task.Delay(10);
            return (listening, clock.Elapsed.TotalSeconds, new StartupPhases(configuring, busStarted, listeningLogged));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
        }
    }

    static ProcessStartInfo Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Cli);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__MassTransit"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
        return start;
    }
}
