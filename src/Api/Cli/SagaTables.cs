using ShoppableVideo.Sagas.Catalog;
using ShoppableVideo.Sagas.Steps;
using ShoppableVideo.Sagas.Video;
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

    public static Grid Details(VideoProcessingState saga)
    {
        var grid = Common(SagaRow.Of(saga), saga);
        Add(grid, "segments", saga.Segments.Count.ToString());
        Add(grid, "analysis", saga.Analysis);
        Add(grid, "document key", saga.DocumentKey);
        return grid;
    }

    public static Grid Details(CatalogIngestionState saga)
    {
        var grid = Common(SagaRow.Of(saga), saga);
        Add(grid, "products", saga.Products.Count.ToString());
        Add(grid, "ingested", saga.Ingested.Count.ToString());
        Add(grid, "failed images", saga.FailedImages.Count.ToString());
        foreach (var error in saga.Errors.OrderBy(e => e.Line))
            Add(grid, $"line {error.Line}", error.Reason);
        return grid;
    }

    public static Table Timings(IStepSaga saga)
    {
        var table = new Table().AddColumns("step", "started", "seconds", "attempts");
        foreach (var timing in saga.Timings)
            table.AddRow(Cells(timing.Step, timing.StartedAt.ToString("u"),
                timing.Seconds is { } seconds ? seconds.ToString("0.000") : "running", timing.Attempts.ToString()));
        return table;
    }

    static Grid Common(SagaRow row, IStepSaga saga)
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
