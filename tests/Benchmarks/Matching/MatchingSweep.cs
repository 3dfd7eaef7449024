using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Vision;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Consumers.Vision.Embedding;
using ShoppableVideo.Consumers.Vision.Models;
using ShoppableVideo.Consumers.Vision.Onnx;
using ShoppableVideo.Consumers.Vision.Pixels;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// The matching benchmark's photos and shots scored without the pipeline in between, so a scoring choice
/// is tried in seconds once everything is described: the same lookbook plan (same seed), each shot rendered
/// as the benchmark renders it, three of its frames (at 1/6, 1/2 and 5/6) read at analysis size, the same
/// detector, regions and <see cref="ItemDescriber"/>, every catalog product of a region's kind scored
/// exactly (<see cref="ProductReranker"/>, no k-NN pass), and the shot's frames voting through
/// <see cref="ShotVote"/>. Its figures sit close to the pipeline's, which picks the sharpest frames instead;
/// the README's tables of colour choices were measured this way. Here it sweeps the appearance weight.
/// </summary>
public sealed class MatchingSweep
{
    static readonly double[] Weights = [0.6, 0.65, 0.7, 0.73, 0.77, 0.8];
    static readonly double[] FramePositions = [1 / 6.0, 1 / 2.0, 5 / 6.0];
    const int AnalysisMaxSide = 640;

    sealed record DescribedShot(LookbookShot Shot, IReadOnlyList<IReadOnlyList<DescribedItem>> Frames);

    public async Task<int> RunAsync()
    {
        var data = BenchmarkData.FindFolder();
        if (data is null)
        {
            Console.Error.WriteLine("matching-sweep: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var luma = LumaCatalog.Read(data);
        var decoder = new ServiceCollection().AddImageDecoding().BuildServiceProvider().GetRequiredService<IImageDecoder>();
        var engine = new OrtInferenceEngine();
        var (models, vision) = (ModelCatalog.Default(), new VisionOptions());
        using var detector = OnnxObjectDetector.Open(engine, models, vision);
        using var embedder = OnnxAppearanceEmbedder.Open(engine, models, vision);
        var describer = new ItemDescriber(embedder);
        var finder = new DetectingItemFinder(detector, describer);
        var work = Directory.CreateTempSubdirectory("sv-matching-sweep-");
        try
        {
            var clock = Stopwatch.StartNew();
            var products = new List<ProductViews>();
            foreach (var product in luma.Products)
            {
                var image = await decoder.DecodeAsync(await File.ReadAllBytesAsync(Path.Combine(luma.Folder, product.Image)), AnalysisMaxSide, default);
                var kind = CategoryKinds.For(product.Category);
                products.Add(new ProductViews(product.ProductId, kind, finder.FindProduct(image, kind).Item.Descriptor.Views));
            }
            var queries = new List<(string Truth, ItemKind Kind, ItemDescriptor Descriptor)>();
            foreach (var (productId, photo) in luma.Queries)
            {
                var kind = CategoryKinds.For(luma.ById[productId].Category);
                queries.Add((productId, kind, await QueryLookup.DescribeAsync(decoder, detector, describer, AnalysisMaxSide, photo, kind)));
            }
            var plan = LookbookPlanner.Plan(luma.LookbookQueries, MatchingBenchmark.DistractorSources(data),
                MatchingBenchmark.CloseUpShare, MatchingBenchmark.Videos, MatchingBenchmark.Seed);
            var shots = new List<DescribedShot>();
            foreach (var shot in plan.SelectMany(v => v.Shots))
            {
                var clip = Path.Combine(work.FullName, $"{shots.Count:D3}.mp4");
                await Stopwatches.RunToolAsync("ffmpeg", [.. LookbookFilters.Arguments(shot, clip)]);
                var frames = await FramesAsync(clip, shot.Frames);
                shots.Add(new DescribedShot(shot, frames.Select(finder.Find).ToList()));
            }
            Console.WriteLine($"described {products.Count} products, {queries.Count} query photos and {shots.Count} shots " +
                $"(3 frames each) in {clock.Elapsed.TotalSeconds:F0}s");

            var defaults = new ShotVoteOptions();
            Console.WriteLine($"weight  query@1  query@5  shot@1  shot@3  shot@5  empty@{defaults.MinScore:0.00}  clean@{defaults.MinScore:0.00}");
            foreach (var weight in Weights)
            {
                var ranked = queries.Select(q => (q.Truth, Ranked: (IReadOnlyList<string>)Rank(products, q.Kind, q.Descriptor, weight, 5)
                    .Select(h => h.ProductId).ToList())).ToList();
                var decided = shots.Select(s => (s.Shot, Listed: Vote(products, s, weight, defaults))).ToList();
                var product = decided.Where(d => !d.Shot.IsDistractor).ToList();
                var distractors = decided.Where(d => d.Shot.IsDistractor).ToList();
                double ShotRecall(int k) => product.Count(d => d.Listed.Take(k).Any(m => m.ProductId == d.Shot.ProductId)) / (double)product.Count;
                double Quiet(IEnumerable<(LookbookShot Shot, IReadOnlyList<ProductMatch> Listed)> group) =>
                    group.Count(d => !d.Listed.Any(m => m.Score >= defaults.MinScore)) / (double)group.Count();
                Console.WriteLine(FormattableString.Invariant(
                    $"{weight,6:0.00}  {RecallAtK.Of(ranked, 1),7:0.000}  {RecallAtK.Of(ranked, 5),7:0.000}  {ShotRecall(1),6:0.000}  {ShotRecall(3),6:0.000}  {ShotRecall(5),6:0.000}  {Quiet(product),10:0.000}  {Quiet(distractors),10:0.000}"));
            }
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    static IReadOnlyList<ProductHit> Rank(IReadOnlyList<ProductViews> products, ItemKind kind, ItemDescriptor query, double weight, int k) =>
        ProductReranker.Rank(query, products.Where(p => kind == ItemKind.Any || p.Kind == kind), weight, k);

    /// <summary>Every product the shot's frames voted for, as the pipeline's documents list them with no threshold.</summary>
    static IReadOnlyList<ProductMatch> Vote(IReadOnlyList<ProductViews> products, DescribedShot shot, double weight, ShotVoteOptions defaults)
    {
        var hits = new List<FrameHit>();
        for (var frame = 0; frame < shot.Frames.Count; frame++)
            foreach (var item in shot.Frames[frame])
                foreach (var hit in Rank(products, item.Region.Kind, item.Descriptor, weight, defaults.NeighboursPerRegion))
                    hits.Add(new FrameHit(frame, frame, hit.ProductId, hit.Kind, hit.Score, new NormalizedBox(0, 0, 1, 1)));
        return ShotVote.Decide(hits, shot.Frames.Count, defaults with { TopK = 5, MinScore = 0 });
    }

    /// <summary>Three frames of a rendered clip, scaled as the decode pass scales its candidates.</summary>
    static async Task<IReadOnlyList<BgrImage>> FramesAsync(string clip, int frameCount)
    {
        var (width, height) = ImageFit.Inside(LookbookFilters.Width, LookbookFilters.Height, AnalysisMaxSide);
        var picks = FramePositions.Select(p => (int)(p * frameCount)).ToArray();
        var select = string.Join("+", picks.Select(p => $"eq(n\\,{p})"));
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-nostdin", "-v", "error", "-i", clip, "-vf", $"select='{select}',scale={width}:{height}:flags=area,format=bgr24",
                     "-fps_mode", "passthrough", "-f", "rawvideo", "-" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var raw = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(raw);
        await process.WaitForExitAsync();
        var frameBytes = width * height * 3;
        if (raw.Length != picks.Length * frameBytes)
            throw new InvalidOperationException($"ffmpeg gave {raw.Length} bytes for {picks.Length} frames of {clip}: {await errors}");
        var bytes = raw.ToArray();
        return picks.Select((_, i) => new BgrImage(width, height, bytes[(i * frameBytes)..((i + 1) * frameBytes)])).ToList();
    }
}
