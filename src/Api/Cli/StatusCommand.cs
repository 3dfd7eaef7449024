using System.CommandLine;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary><c>status</c>: what the data folder's sagas are doing, read from its SQLite file alone.</summary>
public sealed class StatusCommand : Command
{
    public StatusCommand(CliContext context) : base("status", "List videos and catalog batches, or show one in detail")
    {
        var id = new Argument<string?>("id") { Description = "A video or catalog batch id", Arity = ArgumentArity.ZeroOrOne };
        Arguments.Add(id);
        SetAction((parse, ct) => context.GuardedAsync(async () =>
        {
            await using var database = SagaDatabase.Open(context.DataDirectory(parse));
            if (parse.GetValue(id) is { } text)
                await ShowOneAsync(context.Output, database, ParseId(text), ct);
            else
                await ShowAllAsync(context.Output, database, ct);
            return 0;
        }));
    }

    static async Task ShowAllAsync(IAnsiConsole console, SagaDatabase database, CancellationToken ct)
    {
        var rows = await database.ListAsync(ct);
        if (rows.Count == 0)
            console.WriteLine("no videos or catalog batches yet");
        else
            console.Write(SagaTables.List(rows));
    }

    static async Task ShowOneAsync(IAnsiConsole console, SagaDatabase database, Guid id, CancellationToken ct)
    {
        if (await database.Videos.FindAsync(id, ct) is { } video)
        {
            console.Write(SagaTables.Details(video));
            console.Write(SagaTables.Timings(video));
        }
        else if (await database.Batches.FindAsync(id, ct) is { } batch)
        {
            console.Write(SagaTables.Details(batch));
            console.Write(SagaTables.Timings(batch));
        }
        else
            throw new CliException($"no video or catalog batch with id {id:N}");
    }

    static Guid ParseId(string text) =>
        Guid.TryParse(text, out var id) ? id : throw new CliException($"'{text}' is not an id (32 hex digits, as status lists them)");
}
