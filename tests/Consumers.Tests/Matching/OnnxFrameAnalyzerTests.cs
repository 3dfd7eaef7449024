using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Catalog;
using ShoppableVideo.Consumers.Frames;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Matching;

/// <summary>The analyzer's wiring with scripted ports: which frames it loads, which kind it searches,
/// and how boxes come back normalised. The models themselves are tested on their own branch.</summary>
public class OnnxFrameAnalyzerTests
{
    static readonly ShotVoteOptions Options = new() { TopK = 3, MinScore = 0.5, NeighboursPerRegion = 2 };

    sealed class BlankFrames : IVideoFrameReader
    {
        public List<long> Loaded { get; } = [];

        public Task<BgrImage> ReadAsync(RepresentativeFrame frame, CancellationToken cancellationToken)
        {
            Loaded.Add(frame.FrameNumber);
            return Task.FromResult(new BgrImage(200, 100, new byte[200 * 100 * 3]));
        }
    }

    sealed class ScriptedItems(params DescribedItem[] items) : IItemFinder
    {
        public IReadOnlyList<DescribedItem> Find(BgrImage image) => items;

        public (DescribedItem Item, string Analysis) FindProduct(BgrImage image, ItemKind kind) => throw new NotSupportedException();
    }

    /// <summary>Answers by kind, and remembers what it was asked.</summary>
    sealed class ScriptedIndex(Dictionary<ItemKind, ProductHit[]> answers) : IProductIndex
    {
        public List<(ItemKind Kind, int K)> Searches { get; } = [];

        public Task<IReadOnlyList<ProductHit>> SearchAsync(ItemKind kind, ItemDescriptor query, int k, CancellationToken cancellationToken)
        {
            Searches.Add((kind, k));
            return Task.FromResult<IReadOnlyList<ProductHit>>(answers.GetValueOrDefault(kind, []).Take(k).ToList());
        }

        public Task<string?> FindContentHashAsync(string productId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task UpsertAsync(IndexedProductImage entry, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteAsync(string productId, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ItemDescriptor?> FindDescriptorOfPhotoAsync(string contentHash, ItemKind kind, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> ClaimAsync(string productId, string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> ReleaseAsync(string productId, string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ListFromSourceAsync(string source, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<string>> ListSourcesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    static readonly ItemDescriptor AnyDescriptor = new([1f], [1f]);

    static Segment Shot(int index, params long[] frames) =>
        new(index, frames[0], frames[^1], frames[0] / 25.0, frames[^1] / 25.0,
            frames.Select(f => new RepresentativeFrame(f, f / 25.0, $"videos/x/frames/{f:D6}.bgr")).ToList());

    [Fact]
    public async Task Each_region_is_searched_among_its_own_kind_and_the_shot_reports_the_voted_products()
    {
        var frames = new BlankFrames();
        var items = new ScriptedItems(
            new DescribedItem(new ItemRegion(ItemKind.Upper, new PixelBox(50, 0, 150, 50), 0.9f, new PixelBox(50, 0, 150, 100)), AnyDescriptor),
            new DescribedItem(new ItemRegion(ItemKind.Lower, new PixelBox(50, 50, 150, 100), 0.9f, new PixelBox(50, 0, 150, 100)), AnyDescriptor));
        var index = new ScriptedIndex(new()
        {
            [ItemKind.Upper] = [new("MH01-Gray", 0.9, ItemKind.Upper), new("MH01-Black", 0.55, ItemKind.Upper), new("MH02-Black", 0.5, ItemKind.Upper)],
            [ItemKind.Lower] = [new("MP01-Blue", 0.7, ItemKind.Lower)],
        });

        var analysis = await new OnnxFrameAnalyzer(frames, items, new ShotMatcher(index, Options), "test")
            .AnalyzeAsync(Guid.NewGuid(), [Shot(0, 10, 40), Shot(1, 80)], CancellationToken.None);

        Assert.Equal(OnnxFrameAnalyzer.Analysis, analysis.Analysis);
        Assert.Equal([10, 40, 80], frames.Loaded);
        Assert.All(index.Searches, s => Assert.Equal(2, s.K));
        Assert.Equal([ItemKind.Upper, ItemKind.Lower], index.Searches.Take(2).Select(s => s.Kind));
        Assert.Equal([0, 1], analysis.Matches.Select(m => m.SegmentIndex));
        var first = analysis.Matches[0].Products;
        Assert.Equal(["MH01-Gray", "MP01-Blue", "MH01-Black"], first.Select(p => p.ProductId));
        Assert.Equal(["upper", "lower", "upper"], first.Select(p => p.Kind));
        Assert.Equal([ProductMatches.Exact, ProductMatches.Similar, ProductMatches.Similar], first.Select(p => p.Match));
        Assert.Equal(new NormalizedBox(0.25, 0, 0.5, 0.5), first[0].Box);
        Assert.Equal(0.4, first[0].Seconds);
        Assert.Equal([4, 2], analysis.Matches.Select(m => m.ItemsSeen)); // two regions in each frame
    }

    [Fact]
    public async Task A_shot_whose_items_match_nothing_in_the_index_reports_no_products_but_counts_what_it_saw()
    {
        var items = new ScriptedItems(
            new DescribedItem(new ItemRegion(ItemKind.Upper, new PixelBox(50, 0, 150, 50), 0.9f, new PixelBox(50, 0, 150, 100)), AnyDescriptor));

        var analysis = await new OnnxFrameAnalyzer(new BlankFrames(), items, new ShotMatcher(new ScriptedIndex([]), Options), "test")
            .AnalyzeAsync(Guid.NewGuid(), [Shot(0, 5, 9)], CancellationToken.None);

        var shot = Assert.Single(analysis.Matches);
        Assert.Empty(shot.Products);
        Assert.Equal(2, shot.ItemsSeen);
    }

    [Fact]
    public async Task A_shot_where_nothing_was_found_reports_no_products()
    {
        var analysis = await new OnnxFrameAnalyzer(new BlankFrames(), new ScriptedItems(), new ShotMatcher(new ScriptedIndex([]), Options), "test")
            .AnalyzeAsync(Guid.NewGuid(), [Shot(0, 5)], CancellationToken.None);

        var shot = Assert.Single(analysis.Matches);
        Assert.Empty(shot.Products);
        Assert.Equal(0, shot.ItemsSeen);
    }

    sealed class UnusedFrameReader : IVideoFrameReader
    {
        public Task<BgrImage> ReadAsync(RepresentativeFrame frame, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Without_models_the_registration_falls_back_to_an_analyzer_that_says_what_is_missing()
    {
        var services = new ServiceCollection().AddSingleton<IObjectStore>(new FolderObjectStore(Path.GetTempPath()));
        services.AddSingleton<IVideoFrameReader, UnusedFrameReader>();
        using var provider = services.AddFrameAnalyzer().BuildServiceProvider();

        var analysis = await provider.GetRequiredService<IFrameAnalyzer>().AnalyzeAsync(Guid.NewGuid(), [Shot(0, 5)], CancellationToken.None);

        Assert.Equal("not-configured: no item finder (ONNX models in .tools), no product index", analysis.Analysis);
        Assert.Empty(Assert.Single(analysis.Matches).Products);
        Assert.Null(analysis.Matches[0].ItemsSeen); // nothing was looked at, so nothing is known
    }

    [Fact]
    public async Task Without_models_but_with_catalog_vision_registered_the_analyzer_still_says_what_is_missing()
    {
        // As the embedded profile registers it where setup installed no models: catalog vision (and the
        // item finder it shares) is there, the detector and embedder are not.
        var services = new ServiceCollection().AddSingleton<IObjectStore>(new FolderObjectStore(Path.GetTempPath()));
        services.AddSingleton<IVideoFrameReader, UnusedFrameReader>();
        using var provider = services.AddFrameAnalyzer().AddProductPhotoVision().BuildServiceProvider();

        var analysis = await provider.GetRequiredService<IFrameAnalyzer>().AnalyzeAsync(Guid.NewGuid(), [Shot(0, 5)], CancellationToken.None);

        Assert.Equal("not-configured: no item finder (ONNX models in .tools), no product index", analysis.Analysis);
    }

    [Fact]
    public void With_every_part_registered_the_real_analyzer_is_chosen()
    {
        var services = new ServiceCollection().AddSingleton<IObjectStore>(new FolderObjectStore(Path.GetTempPath()));
        services.AddSingleton<IVideoFrameReader, UnusedFrameReader>();
        services.AddSingleton<IItemFinder>(new ScriptedItems());
        services.AddSingleton<IProductIndex>(new ScriptedIndex([]));
        using var provider = services.AddFrameAnalyzer().BuildServiceProvider();

        Assert.IsType<OnnxFrameAnalyzer>(provider.GetRequiredService<IFrameAnalyzer>());
    }
}
