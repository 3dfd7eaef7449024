using ShoppableVideo.Consumers.Catalog;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Consumers.Storage;
using ShoppableVideo.Consumers.Vision.Decoding;
using ShoppableVideo.Consumers.Vision.Detection;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Benchmarks.Matching;

/// <summary>
/// How well the real pipeline finds catalog products, and at what cost. (a) Indexes the Luma catalog
/// through the real catalog ingestion and looks up every held-out query photo, sweeping the
/// appearance/colour weight. (b) Renders lookbook videos from the query photos, each in one framing
/// (whole outfit, close-up of the garment, back view), plus distractor shots cut from real footage of
/// people wearing no catalog product, runs each through the real video saga and scores its shoppable
/// document against the ground truth. (c) Processes the two real test videos and prints what they list.
/// (d) Times the AnalyzeFrames step and the whole saga against decode-only ffmpeg on the same videos,
/// in the same run.
/// </summary>
public sealed class MatchingBenchmark(int? maxShots = null)
{
    static readonly double[] Weights = [0.5, 0.6, 0.7, 0.73, 0.77, 0.8, 0.85, 1.0];
    static readonly double[] Thresholds = [0, 0.6, 0.65, 0.67, 0.69, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9];
    internal const double CloseUpShare = 1 / 3.0;
    internal const int Videos = 4;
    internal const int Seed = 20261121;
    const string PeopleVideo = "one-by-one-person-detection.mp4";
    const double PeopleVideoSeconds = 139.4;
    const int PeopleDistractors = 44;
    const int DistractorsPerSixShotsClip = 4;

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
            var real = await RealVideoReport.RunAsync(host, luma, Path.Combine(data, "videos"), defaults.MinScore);

            var score = shots.Score;
            var summary = new Dictionary<string, double?>
            {
                ["query_recall_at_1"] = R(queryAt1),
                ["query_recall_at_5"] = R(queryAt5),
                ["query_parent_recall_at_1"] = R(parentAt1),
                ["query_parent_recall_at_5"] = R(parentAt5),
                ["appearance_weight"] = bestWeight,
                ["shot_recall_at_1"] = R(score.RecallAt1),
                ["shot_recall_at_3"] = R(score.RecallAt3),
                ["shot_recall_at_5"] = R(score.RecallAt5),
                ["empty_product_shots"] = R(score.EmptyProductShare),
                ["whole_outfit_recall_at_1"] = R(shots.Framings[ShotFramings.WholeOutfit].RecallAt1),
                ["closeup_recall_at_1"] = R(shots.Framings[ShotFramings.CloseUp].RecallAt1),
                ["back_recall_at_1"] = R(shots.Framings[ShotFramings.Back].RecallAt1),
                ["exact_precision"] = R(score.ExactPrecision),
                ["exact_recall"] = R(score.ExactRecall),
                ["distractor_clean"] = R(score.DistractorClean),
                ["distractor_exact"] = R(score.DistractorExact),
                ["product_shots"] = score.ProductShots,
                ["distractor_shots"] = score.Distractors,
                ["fence_green_top_listed"] = real.FenceGreenTopListed ? 1 : 0,
                ["six_shots_distractors_listing"] = real.SixShotsDistractorsListing,
                ["six_shots_distractors_exact"] = real.SixShotsDistractorsExact,
                ["min_score"] = defaults.MinScore,
                ["catalog_images_per_s"] = R(catalogImagesPerSecond),
                ["analysis_vs_decode"] = R(shots.AnalysisVsDecode),
                ["pipeline_vs_decode"] = R(shots.PipelineVsDecode),
            };
            // The last line is the summary that scripts read.
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
        var lookup = new QueryLookup(host.Services.GetRequiredService<IImageDecoder>(), host.Services.GetRequiredService<IObjectDetector>(),
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
            // Both recalls count: a weight that wins @1 by one query and loses @5 by ten is not the better one.
            if (at1 + at5 > best.At1 + best.At5 || (at1 + at5 == best.At1 + best.At5 && at1 > best.At1))
                best = (at1, at5, parentAt1, parentAt5, weight);
        }
        matching.AppearanceWeight = best.Weight;
        Console.WriteLine($"queries: best appearance weight {best.Weight:0.00} (by recall@1 + recall@5, then recall@1); the videos below use it");
        return best;
    }

    async Task<LookbookResult> ProcessLookbooksAsync(MatchingHost host, LumaCatalog luma, string data, string work, ShotVoteOptions defaults)
    {
        var plan = LookbookPlanner.Plan(luma.LookbookQueries, DistractorSources(data), CloseUpShare, Videos, Seed, maxShots);
        var truth = LookbookPlanner.GroundTruth(plan);
        var clock = Stopwatch.StartNew();
        var paths = await LookbookRenderer.RenderAsync(plan, work);
        var truthFolder = Environment.GetEnvironmentVariable(VideoRun.KeepDocumentsVariable) is { Length: > 0 } keep ? keep : work;
        Directory.CreateDirectory(truthFolder);
        await File.WriteAllLinesAsync(Path.Combine(truthFolder, "ground-truth.csv"),
            ["video,start_seconds,end_seconds,product_id,framing,origin",
             .. truth.Select(t => FormattableString.Invariant($"{t.Video},{t.StartSeconds:0.###},{t.EndSeconds:0.###},{t.Label},{t.Framing},{t.Origin}"))]);
        Console.WriteLine($"lookbook: {truth.Count} shots in {paths.Count} videos rendered in {clock.Elapsed.TotalSeconds:F1}s: " +
            string.Join(", ", truth.GroupBy(t => t.Framing).Select(g => $"{g.Count()} {g.Key}")) + "; distractors from " +
            string.Join(", ", truth.Where(t => t.IsDistractor).GroupBy(t => t.Origin).Select(g => $"{g.Key} ({g.Count()})")));

        var runs = new List<VideoRun>();
        foreach (var path in paths)
        {
            var run = await VideoRun.ProcessAsync(host, path);
            runs.Add(run);
            Console.WriteLine($"{run} for {truth.Count(t => t.Video == run.Name)} shots");
        }
        var detected = runs.ToDictionary(r => r.Name, r => r.Segments);

        ShotTables.PrintThresholds(truth, detected, Thresholds);
        ShotTables.PrintFramings(ShotScoring.Judge(truth, detected, 0), 0);
        var judged = ShotScoring.Judge(truth, detected, defaults.MinScore);
        ShotTables.PrintFramings(judged, defaults.MinScore);
        var score = ShotScore.Of(judged);
        Console.WriteLine($"shots at the default MinScore {defaults.MinScore:0.00}: {score}");
        var framings = ShotFramings.ProductFramings.ToDictionary(f => f, f => ShotScoring.ScoreFraming(judged, f));
        var decode = runs.Sum(r => r.DecodeSeconds);
        return new LookbookResult(score, framings, runs.Sum(r => r.AnalysisSeconds) / decode, runs.Sum(r => r.PipelineSeconds) / decode);
    }

    /// <summary>Real footage with no catalog product: the people video over its whole length, and the five
    /// clips of six-shots after its first (the first is the Luma model), each cut only within itself.</summary>
    internal static IReadOnlyList<DistractorSource> DistractorSources(string data)
    {
        var videos = Path.Combine(data, "videos");
        var sixShots = Path.Combine(videos, RealVideoReport.SixShotsVideo);
        var clips = CutClip.Read(File.ReadAllText(Path.ChangeExtension(sixShots, ".cuts.json")));
        return
        [
            new DistractorSource(PeopleVideo, Path.Combine(videos, PeopleVideo), 0, PeopleVideoSeconds, PeopleDistractors),
            .. clips.Skip(1).Select(c => new DistractorSource($"six-shots clip {c.Number}", sixShots, c.StartSeconds, c.EndSeconds, DistractorsPerSixShotsClip)),
        ];
    }

    static double? R(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);

    sealed record LookbookResult(ShotScore Score, IReadOnlyDictionary<string, ShotScore> Framings, double AnalysisVsDecode, double PipelineVsDecode);
}
