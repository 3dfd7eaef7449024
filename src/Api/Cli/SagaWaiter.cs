using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary>Waits, showing progress, until each of a few known sagas is finished.</summary>
public static class SagaWaiter
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="sagas">an id, a label and a way to read the saga's row (null until intake started it)</param>
    public static async Task WaitAsync(IAnsiConsole console,
        IReadOnlyList<(Guid Id, string Label, Func<CancellationToken, Task<SagaRow?>> Read)> sagas, CancellationToken ct)
    {
        var finished = new HashSet<Guid>();
        await SagaProgressView.RunAsync(console, async view =>
        {
            while (true)
            {
                foreach (var (id, label, read) in sagas.Where(s => !finished.Contains(s.Id)))
                {
                    var row = await read(ct);
                    view.Show(id, label, row);
                    if (row is { Finished: true })
                        finished.Add(id);
                }
                if (sagas.All(s => finished.Contains(s.Id)))
                    return;
                await Task.Delay(PollInterval, ct);
            }
        });
    }
}
