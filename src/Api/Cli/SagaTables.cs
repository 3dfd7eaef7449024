using ShoppableVideo.Api.Endpoints;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ShoppableVideo.Api.Cli;

/// <summary>How <c>status</c> prints sagas: a list of all of them, or one in detail. Every value goes in as
/// plain Text, never as markup: keys and failure reasons may hold square brackets.</summary>
public static class SagaTables
{
    public static Table List(IEnumerable<SagaRow> rows)
    {
        var table = new Table().AddColumns("kind", "id", "key", "state", "step", "percent", "failure reason");
        foreach (var row in rows)
            table.AddRow(Cells(row.Kind, row.Id.ToString("N"), row.Key, row.State, row.CurrentStep ?? "",
                $"{row.Percent:0}%", row.FailureReason ?? ""));
        return table;
    }

    public static Grid Details(VideoStatus video)
    {
        var grid = Common(SagaRow.Of(video), video.Status);
        Add(grid, "segments", video.SegmentCount.ToString());
        Add(grid, "analysis", video.Analysis);
        Add(grid, "document key", video.DocumentKey);
        return grid;
    }

    public static Grid Details(CatalogBatchStatus batch)
    {
        var grid = Common(SagaRow.Of(batch), batch.Status);
        Add(grid, "products", batch.Products.ToString());
        Add(grid, "ingested", batch.Ingested.ToString());
        Add(grid, "failed images", batch.Failed.ToString());
        foreach (var error in batch.Errors)
            Add(grid, $"line {error.Line}", error.Reason);
        return grid;
    }

    public static Table Timings(SagaStatus status)
    {
        var table = new Table().AddColumns("step", "started", "seconds", "attempts");
        foreach (var timing in status.Timings)
            table.AddRow(Cells(timing.Step, timing.StartedAt.ToString("u"),
                timing.Seconds is { } seconds ? seconds.ToString("0.000") : "running", timing.Attempts.ToString()));
        return table;
    }

    static Grid Common(SagaRow row, SagaStatus saga)
    {
        var grid = new Grid().AddColumn().AddColumn();
        Add(grid, "kind", row.Kind);
        Add(grid, "id", row.Id.ToString("N"));
        Add(grid, "key", row.Key);
        Add(grid, "state", row.State);
        Add(grid, "current step", row.CurrentStep);
        Add(grid, "percent", $"{row.Percent:0}%");
        Add(grid, "finished at", saga.FinishedAt?.ToString("u"));
        Add(grid, "failed step", saga.FailedStep);
        Add(grid, "failure reason", saga.FailureReason);
        return grid;
    }

    static void Add(Grid grid, string name, string? value)
    {
        if (value is not null)
            grid.AddRow(Cells(name, value));
    }

    static IRenderable[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];
}
