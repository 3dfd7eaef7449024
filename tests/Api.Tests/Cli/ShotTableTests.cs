using ShoppableVideo.Api.Cli;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Video;
using Spectre.Console;

namespace ShoppableVideo.Api.Tests.Cli;

public class ShotTableTests
{
    static readonly ProductMatch Hoodie = new("MH01-Gray", 0.81, new NormalizedBox(0.3, 0.1, 0.4, 0.5), 1, "upper", ProductMatches.Exact, 0.93);
    static readonly ProductMatch Trousers = new("MP02-Blue", 0.42, new NormalizedBox(0.3, 0.5, 0.4, 0.4), 1, "lower", ProductMatches.Similar, 0.41);

    static VideoProcessingState Saga(params SegmentMatches[] matches) => new()
    {
        CorrelationId = Guid.Parse("5b2a8f0e1c3d4e5f8a9b0c1d2e3f4a5b"),
        CurrentState = nameof(VideoProcessingStateMachine.Completed),
        Video = new StoredObject("videos", "look.mp4", 1, "sha256:00"),
        Segments = [.. Enumerable.Range(0, 4).Select(i => new Segment(i, i * 50, i * 50 + 49, i * 2, i * 2 + 1.96, []))],
        Analysis = "complete",
        Matches = [.. matches],
    };

    static async Task<string[]> RowsAsync(VideoProcessingState saga)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        await ShotTable.WriteAsync(console, saga, new NoCatalog(), default);
        return writer.ToString().Split('\n');
    }

    static string RowOf(string[] rows, int shot) => Assert.Single(rows, r => r.StartsWith($"│ {shot} ", StringComparison.Ordinal));

    [Fact]
    public async Task A_shot_with_products_lists_the_exact_and_the_similar_apart_each_with_its_score()
    {
        var rows = await RowsAsync(Saga(new SegmentMatches(0, [Hoodie, Trousers], 4)));

        Assert.Contains(rows, r => r.StartsWith("│ shot │ time ", StringComparison.Ordinal) && r.Contains("│ exact ") && r.Contains("│ similar "));
        Assert.Matches(@"│ MH01-Gray \(0\.81\) +│ MP02-Blue \(0\.42\) +│", RowOf(rows, 0));
    }

    [Fact]
    public async Task A_shot_where_the_analysis_saw_no_item_says_no_person_or_item_was_seen()
    {
        var rows = await RowsAsync(Saga(new SegmentMatches(1, [], 0)));

        Assert.Contains("none: no person or item seen", RowOf(rows, 1));
    }

    [Fact]
    public async Task A_shot_whose_items_matched_nothing_says_nothing_was_close_enough_in_the_catalog()
    {
        var rows = await RowsAsync(Saga(new SegmentMatches(2, [], 3)));

        Assert.Contains("none: nothing close enough in the catalog (3 items seen)", RowOf(rows, 2));
    }

    [Fact]
    public async Task A_shot_from_before_items_were_counted_or_without_matches_just_has_no_products()
    {
        var rows = await RowsAsync(Saga(new SegmentMatches(2, [])));

        Assert.Contains("no products", RowOf(rows, 2));
        Assert.Contains("no products", RowOf(rows, 3));
        Assert.DoesNotContain(rows, r => r.Contains("none:"));
    }

    sealed class NoCatalog : IProductCatalog
    {
        public Task UpsertAsync(CatalogProduct product, string imageContentHash, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<CatalogEntry?> FindAsync(string productId, CancellationToken cancellationToken) => Task.FromResult<CatalogEntry?>(null);
        public Task DeleteAsync(string productId, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<CatalogPage> ListAsync(int offset, int limit, ProductFilter filter, CancellationToken cancellationToken) =>
            Task.FromResult(new CatalogPage(0, []));
    }
}
