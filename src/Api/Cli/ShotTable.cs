using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Video;
using Spectre.Console;

namespace ShoppableVideo.Api.Cli;

/// <summary>One processed video as the CLI prints it: a headline with its state, then its shots with the
/// catalog products found in each, exact and similar apart, named from the catalog where it knows them and
/// each with its score in brackets; a shot with neither says why.</summary>
public static class ShotTable
{
    public static async Task WriteAsync(IAnsiConsole console, VideoProcessingState saga, IProductCatalog catalog, CancellationToken ct)
    {
        console.WriteLine($"video {saga.Video?.Key} ({saga.CorrelationId:N}): {saga.CurrentState}");
        if (saga.FailureReason is not null)
            console.WriteLine($"  failed at {saga.FailedStep}: {saga.FailureReason}");
        if (saga.Segments.Count == 0)
            return;

        var table = new Table().AddColumn("shot").AddColumn("time").AddColumn("exact").AddColumn("similar");
        foreach (var segment in saga.Segments)
        {
            var matches = saga.Matches.FirstOrDefault(m => m.SegmentIndex == segment.Index);
            var exact = new List<string>();
            var similar = new List<string>();
            foreach (var product in matches?.Products ?? [])
            {
                var name = (await catalog.FindAsync(product.ProductId, ct))?.Product.Name;
                (product.Match == ProductMatches.Exact ? exact : similar)
                    .Add($"{product.ProductId}{(name is null ? "" : $" {name}")} ({product.Score:0.00})");
            }
            table.AddRow(new Text(segment.Index.ToString()),
                new Text($"{segment.StartSeconds:0.00}–{segment.EndSeconds:0.00}"),
                new Text(exact.Count + similar.Count == 0 ? WhyNone(matches) : string.Join('\n', exact)),
                new Text(string.Join('\n', similar)));
        }
        console.Write(table);
        // Why a video shows no products (no models installed, an empty catalog) is said once, here.
        if (saga.Analysis is not null)
            console.WriteLine($"  analysis: {saga.Analysis}");
        if (saga.DocumentKey is not null)
            console.WriteLine($"  document: buckets/{Buckets.Output}/{saga.DocumentKey}");
    }

    public const string NothingSeen = "none: no person or item seen";
    public const string NothingCloseEnough = "none: nothing close enough in the catalog";
    public const string NoProducts = "no products";

    /// <summary>Why a shot shows no product, where the analysis counted what it saw; a saga from before
    /// it counted, or one whose analysis did not run, just has none.</summary>
    public static string WhyNone(SegmentMatches? matches) => matches?.ItemsSeen switch
    {
        0 => NothingSeen,
        > 0 and var seen => $"{NothingCloseEnough} ({seen} item{(seen == 1 ? "" : "s")} seen)",
        _ => NoProducts,
    };
}
