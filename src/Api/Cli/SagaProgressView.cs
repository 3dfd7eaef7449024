using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary>Shows how far sagas are: a live bar each on an interactive console; otherwise (redirected,
/// CI, tests) a plain line whenever a saga reaches another step, another tenth of its work or its end,
/// because Spectre's own fallback skips finished tasks and step changes.</summary>
public sealed class SagaProgressView
{
    readonly IAnsiConsole console;
    readonly ProgressContext? bars;
    readonly Dictionary<Guid, ProgressTask> tasks = [];
    readonly Dictionary<Guid, string> lastLines = [];

    SagaProgressView(IAnsiConsole console, ProgressContext? bars)
    {
        this.console = console;
        this.bars = bars;
    }

    public static Task RunAsync(IAnsiConsole console, Func<SagaProgressView, Task> body)
    {
        var live = console.Profile.Capabilities is { Interactive: true, Ansi: true };
        if (!live)
            return body(new SagaProgressView(console, null));
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(),
                new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(context => body(new SagaProgressView(console, context)));
    }

    /// <summary>A completed saga's bar ends full; a failed one stops where it failed, named "Failed".</summary>
    public void Show(Guid id, string label, SagaRow? row)
    {
        var state = row is null ? "waiting for intake" : row.Finished ? row.State : row.CurrentStep ?? row.State;
        var percent = row is null ? 0 : row is { Finished: true, Failed: false } ? 100 : Math.Clamp(row.Percent, 0, 100);
        var text = $"{label}: {state}";
        if (bars is null)
        {
            var line = $"{text} {Math.Floor(percent / 10) * 10:0}%";
            if (lastLines.GetValueOrDefault(id) != line)
                console.WriteLine(lastLines[id] = line);
            return;
        }
        if (!tasks.TryGetValue(id, out var task))
            tasks[id] = task = bars.AddTask("", maxValue: 100);
        task.Description = Markup.Escape(text);
        task.Value = percent;
        if (row is { Finished: true })
            task.StopTask();
    }
}
