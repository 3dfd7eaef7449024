using System.CommandLine;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>watch</c>: live bars for the sagas that are running in a data folder, whoever runs them
/// (a <c>serve</c>, a <c>process</c>), re-read from its SQLite file, or from a deployment's REST API with <c>--api</c>. Ends on Ctrl+C, or with
/// <c>--until-idle</c> once nothing is running.</summary>
public sealed class WatchCommand : Command
{
    public WatchCommand(CliContext context) : base("watch", "Show progress bars of running videos and catalog batches")
    {
        var interval = new Option<double>("--interval")
        {
            Description = "Seconds between reads of the database",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => 1,
        };
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() <= 0)
                result.AddError("--interval must be more than 0 seconds");
        });
        var untilIdle = new Option<bool>("--until-idle") { Description = "Exit once no video or batch is running" };
        Options.Add(interval);
        Options.Add(untilIdle);
        Options.Add(context.Api);
        Options.Add(context.ApiKey);
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            await using var sagas = context.SagaSource(parse);
            await WatchAsync(context.Output, sagas, TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(untilIdle), ct);
            return 0;
        }));
    }

    static async Task WatchAsync(IAnsiConsole console, ISagaSource sagas, TimeSpan interval, bool untilIdle, CancellationToken ct)
    {
        if (untilIdle && (await sagas.RunningAsync(ct)).Count == 0)
        {
            console.WriteLine("nothing is running");
            return;
        }
        var shown = new Dictionary<Guid, string>();
        await SagaProgressView.RunAsync(console, async view =>
        {
            while (!ct.IsCancellationRequested)
            {
                var running = await sagas.RunningAsync(ct);
                foreach (var row in running)
                {
                    shown.TryAdd(row.Id, $"{row.Kind} {row.Key}");
                    view.Show(row.Id, shown[row.Id], row);
                }
                // A saga that left the running set has finished: its final state ends its bar.
                foreach (var (id, label) in shown.Where(s => running.All(r => r.Id != s.Key)).ToList())
                {
                    if (await sagas.FindAsync(id, ct) is { } final)
                        view.Show(id, label, final);
                    shown.Remove(id);
                }
                if (untilIdle && running.Count == 0)
                    return;
                try
                {
                    await Task.Delay(interval, ct);
                }
                catch (OperationCanceledException)
                {
                    return; // Ctrl+C: the normal way to stop watching
                }
            }
        });
    }
}
