using System.CommandLine;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>status</c>: what the sagas are doing, read from the data folder's SQLite file alone, or from
/// any deployment's REST API with <c>--api</c>.</summary>
public sealed class StatusCommand : Command
{
    public StatusCommand(CliContext context) : base("status", "List videos and catalog batches, or show one in detail")
    {
        var id = new Argument<string?>("id") { Description = "A video or catalog batch id", Arity = ArgumentArity.ZeroOrOne };
        Arguments.Add(id);
        Options.Add(context.Api);
        Options.Add(context.ApiKey);
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            await using var sagas = context.SagaSource(parse);
            if (parse.GetValue(id) is { } text)
                await ShowOneAsync(context.Output, sagas, ParseId(text), ct);
            else
                await ShowAllAsync(context.Output, sagas, ct);
            return 0;
        }));
    }

    static async Task ShowAllAsync(IAnsiConsole console, ISagaSource sagas, CancellationToken ct)
    {
        var rows = await sagas.ListAsync(ct);
        if (rows.Count == 0)
            console.WriteLine("no videos or catalog batches yet");
        else
            console.Write(SagaTables.List(rows));
    }

    static async Task ShowOneAsync(IAnsiConsole console, ISagaSource sagas, Guid id, CancellationToken ct)
    {
        if (await sagas.FindVideoAsync(id, ct) is { } video)
        {
            console.Write(SagaTables.Details(video));
            console.Write(SagaTables.Timings(video.Status));
        }
        else if (await sagas.FindBatchAsync(id, ct) is { } batch)
        {
            console.Write(SagaTables.Details(batch));
            console.Write(SagaTables.Timings(batch.Status));
        }
        else
            throw new CliException($"no video or catalog batch with id {id:N}");
    }

    public static Guid ParseId(string text) =>
        Guid.TryParse(text, out var id) ? id : throw new CliException($"'{text}' is not an id (32 hex digits, as status lists them)");
}
