using ShoppableVideo.Consumers.Catalog;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// How well the real pipeline finds catalog products, and at what cost. (a) Indexes the Luma catalog
/// through the real catalog ingestion and looks up every held-out query photo, sweeping the
/// appearance/colour weight. (b) Renders lookbook videos from the query photos plus distractor shots of
/// people wearing no catalog product, runs each through the real video saga and scores its shoppable
/// document against the ground truth. (c) Times the AnalyzeFrames step and the whole saga against
/// decode-only ffmpeg on the same videos, in the same run.
/// </summary>
public sealed class MatchingBenchmark
{
    static readonly double[] Weights = [0.5, 0.6, 0.7, 0.77, 0.85, 1.0];
    static readonly double[] Thresholds = [0, 0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9];
    const int DecodeRuns = 3;
    const int Distractors = 24;
    const int Videos = 4;
    const int Seed = 20261121;
    const string DistractorVideo = "one-by-one-person-detection.mp4";
    const double DistractorSeconds = 139.4;

    public async Task<int> RunAsync()
    {
        var data = BenchmarkData.FindFolder();
        if (data is null)
        {
            Console.Error.WriteLine("matching: ../shared/data is absent; nothing to measure.");
            return 1;
        }
        var luma = LumaCatalog.Read(data);
        var defaults = new ShotVoteOptions();
        // The pipeline reports every product with any vote, five per shot: thresholds are then tried on
        // the documents' votes (the vote is the score), and recall@5 is not capped by TopK.
        await using var host = await MatchingHost.StartAsync(defaults with { TopK = 5, MinScore = 0 });
        var work = Directory.CreateTempSubdirectory("sv-matching-");
        try
        {
            var catalogImagesPerSecond = await IngestCatalogAsync(host, luma);
            var (queryAt1, queryAt5, parentAt1, parentAt5, bestWeight) = await LookUpQueriesAsync(host, luma, defaults);
            var shots = await ProcessLookbooksAsync(host, luma, data, work.FullName, defaults);

            var summary = new Dictionary<string, double?>
            {
                ["query_recall_at_1"] = R(queryAt1),
                ["query_recall_at_5"] = R(queryAt5),
                ["query_parent_recall_at_1"] = R(parentAt1),
                ["query_parent_recall_at_5"] = R(parentAt5),
                ["appearance_weight"] = bestWeight,
                ["shot_recall_at_1"] = R(shots.Score.RecallAt1),
                ["shot_recall_at_5"] = R(shots.Score.RecallAt5),
                ["distractor_clean"] = R(shots.Score.DistractorClean),
                ["min_score"] = defaults.MinScore,
                ["catalog_images_per_s"] = R(catalogImagesPerSecond),
                ["analysis_vs_decode"] = R(shots.AnalysisVsDecode),
                ["pipeline_vs_decode"] = R(shots.PipelineVsDecode),
            };
            Console.WriteLine(JsonSerializer.Serialize(summary));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    static async Task<double> IngestCatalogAsync(MatchingHost host, LumaCatalog luma)
    {
        // Uploading is not ingestion: the photos are in the bucket before the manifest is announced.
        foreach (var product in luma.Products)
            await host.PutAsync(Buckets.Catalog, $"luma/{product.Image}", Path.Combine(luma.Folder, product.Image));
        var manifest = await host.PutAsync(Buckets.Catalog, "luma/catalog.csv", luma.ManifestPath);
        var clock = Stopwatch.StartNew();
        var batch = await host.IngestAsync(manifest, TimeSpan.FromMinutes(30));
        clock.Stop();
        var perSecond = batch.Ingested.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"catalog: {batch.Products.Count} products, {batch.Ingested.Count} ingested, {batch.FailedImages.Count} failed, " +
            $"{clock.Elapsed.TotalSeconds:F1}s, {perSecond:F1} images/s ({Environment.ProcessorCount} cores), batch {batch.CurrentState}");
        return perSecond;
    }

    async Task<(double At1, double At5, double ParentAt1, double ParentAt5, double Weight)> LookUpQueriesAsync(
        MatchingHost host, LumaCatalog luma, ShotVoteOptions options)
    {
        var lookup = new QueryLookup(host.Services.GetRequiredService<IImageDecoder>(), host.Services.GetRequiredService<IItemFinder>(),
            host.Services.GetRequiredService<ItemDescriber>(), host.Services.GetRequiredService<IProductIndex>(), host.Services.GetRequiredService<CatalogOptions>().DecodeMaxSide);
        var clock = Stopwatch.StartNew();
        await lookup.DescribeAsync(luma.Queries, id => CategoryKinds.For(luma.ById[id].Category));
        Console.WriteLine($"queries: {lookup.Described} photos described in {clock.Elapsed.TotalSeconds:F1}s");

        var matching = host.Services.GetRequiredService<MatchingOptions>();
        var best = (At1: -1.0, At5: -1.0, ParentAt1: 0.0, ParentAt5: 0.0, Weight: 0.0);
        foreach (var weight in Weights)
        {
            matching.AppearanceWeight = weight;
            var results = await lookup.SearchAsync(5);
            var (at1, at5) = (RecallAtK.Of(results, 1), RecallAtK.Of(results, 5));
            var (parentAt1, parentAt5) = (RecallAtK.Of(results, 1, luma.ParentOf), RecallAtK.Of(results, 5, luma.ParentOf));
            Console.WriteLine($"queries at appearance weight {weight:0.00}: recall@1 {at1:F3}, recall@5 {at5:F3}, parent recall@1 {parentAt1:F3}, parent recall@5 {parentAt5:F3}");
            if (at1 > best.At1 || (at1 == best.At1 && at5 > best.At5))
                best = (at1, at5, parentAt1, parentAt5, weight);
        }
        matching.AppearanceWeight = best.Weight;
        Console.WriteLine($"queries: best appearance weight {best.Weight:0.00} (by recall@1, then recall@5); the videos below use it");
        return best;
    }

    static async Task<LookbookResult> ProcessLookbooksAsync(MatchingHost host, LumaCatalog luma, string data, string work, ShotVoteOptions defaults)
    {
        var plan = LookbookPlanner.Plan(luma.Queries, Path.Combine(data, "videos", DistractorVideo), DistractorSeconds, Distractors, Videos, Seed);
        var truth = LookbookPlanner.GroundTruth(plan);
        var clock = Stopwatch.StartNew();
        var paths = await LookbookRenderer.RenderAsync(plan, work);
        await File.WriteAllLinesAsync(Path.Combine(work, "ground-truth.csv"),
            ["video,start_seconds,end_seconds,product_id", .. truth.Select(t => FormattableString.Invariant($"{t.Video},{t.StartSeconds:0.###},{t.EndSeconds:0.###},{t.Label}"))]);
        Console.WriteLine($"lookbook: {truth.Count} shots ({truth.Count(t => t.ProductId is null)} distractors) in {paths.Count} videos rendered in {clock.Elapsed.TotalSeconds:F1}s");

        double decodeTotal = 0, analysisTotal = 0, pipelineTotal = 0;
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>();
        foreach (var path in paths)
        {
            var name = Path.GetFileName(path);
            var decode = await Stopwatches.BestOfAsync(DecodeRuns, () => Stopwatches.RunToolAsync("ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "null", "-"));
            var saga = await host.ProcessAsync(await host.PutAsync(Buckets.Videos, name, path), TimeSpan.FromMinutes(20));
            var analysis = saga.Timings.Last(t => t.Step == VideoStepNames.AnalyzeFrames).Seconds ?? double.NaN;
            var pipeline = ((saga.FinishedAt ?? DateTimeOffset.UtcNow) - saga.CreatedAt).TotalSeconds;
            using var document = await host.ReadDocumentAsync(saga.CorrelationId);
            detected[name] = Segments(document);
            if (Environment.GetEnvironmentVariable("SV_KEEP") is { } keep) { Directory.CreateDirectory(keep); File.WriteAllText(Path.Combine(keep, name + ".json"), document.RootElement.GetRawText()); File.Copy(Path.Combine(work, "ground-truth.csv"), Path.Combine(keep, "ground-truth.csv"), true); }
            decodeTotal += decode.TotalSeconds;
            analysisTotal += analysis;
            pipelineTotal += pipeline;
            Console.WriteLine($"{name}: {truth.Count(t => t.Video == name)} shots, {detected[name].Count} segments, decode-only {decode.TotalSeconds:F2}s, " +
                $"AnalyzeFrames {analysis:F2}s (x{analysis / decode.TotalSeconds:F2}), whole saga {pipeline:F2}s (x{pipeline / decode.TotalSeconds:F2})");
        }

        foreach (var threshold in Thresholds)
        {
            var s = ShotScoring.Score(truth, detected, threshold);
            Console.WriteLine($"shots at MinScore {threshold:0.00}: recall@1 {s.RecallAt1:F3}, recall@5 {s.RecallAt5:F3}, distractor_clean {s.DistractorClean:F3}");
        }
        var score = ShotScoring.Score(truth, detected, defaults.MinScore);
        Console.WriteLine($"shots at the default MinScore {defaults.MinScore:0.00}: {score}");
        return new LookbookResult(score, analysisTotal / decodeTotal, pipelineTotal / decodeTotal);
    }

    static IReadOnlyList<DetectedShot> Segments(JsonDocument document) => document.RootElement.GetProperty("segments").EnumerateArray()
        .Select(s => new DetectedShot(s.GetProperty("startSeconds").GetDouble(), s.GetProperty("endSeconds").GetDouble(),
            s.GetProperty("products").EnumerateArray()
                .Select(p => new ScoredProduct(p.GetProperty("productId").GetString()!, p.GetProperty("score").GetDouble())).ToList()))
        .ToList();

    static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    sealed record LookbookResult(ShotScore Score, double AnalysisVsDecode, double PipelineVsDecode);
}
