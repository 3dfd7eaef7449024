using System.Text.Json;
using ShoppableVideo.Benchmarks.Matching;

namespace ShoppableVideo.Consumers.Tests.Benchmarks;

public class ShotScoringTests
{
    static readonly GroundTruthShot[] Truth =
    [
        new("a.mp4", 0, 2, "MH01-Gray", ShotFramings.WholeOutfit),
        new("a.mp4", 2, 4.4, null),
        new("a.mp4", 4.4, 7, "WB01-Black", ShotFramings.CloseUp),
        new("b.mp4", 0, 3, "MJ01-Red", ShotFramings.Back),
    ];

    /// <summary>A segment whose products all voted 1, listed as similar matches.</summary>
    static DetectedShot Shot(double start, double end, params string[] products) =>
        new(start, end, products.Select(p => new ListedProduct(p, 1)).ToList());

    [Fact]
    public void Each_true_shot_is_judged_by_the_segment_covering_its_middle()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            // the first cut found two frames late, the second one exact
            ["a.mp4"] = [Shot(0, 2.04, "MH01-Gray", "MH01-Black"), Shot(2.08, 4.36), Shot(4.4, 7, "WB02-Blue", "WB01-Black")],
            ["b.mp4"] = [Shot(0, 3, "MJ01-Blue")],
        };

        var score = ShotScoring.Score(Truth, detected);

        Assert.Equal(3, score.ProductShots);
        Assert.Equal(1 / 3.0, score.RecallAt1, 6);
        Assert.Equal(2 / 3.0, score.RecallAt3, 6);
        Assert.Equal(2 / 3.0, score.RecallAt5, 6);
        Assert.Equal(0, score.EmptyProductShare);
        Assert.Equal(1.0, score.DistractorClean);
    }

    [Fact]
    public void A_missed_cut_judges_both_shots_by_the_segment_that_swallowed_them()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            ["a.mp4"] = [Shot(0, 4.36, "MH01-Gray"), Shot(4.4, 7)],
        };

        var score = ShotScoring.Score(Truth.Take(3).ToList(), detected);

        Assert.Equal(1, score.FoundFirst);
        Assert.Equal(1, score.EmptyProductShots);
        Assert.Equal(0, score.CleanDistractors);
    }

    [Fact]
    public void A_video_that_produced_no_document_finds_nothing_and_keeps_its_distractors_clean()
    {
        var score = ShotScoring.Score(Truth, new Dictionary<string, IReadOnlyList<DetectedShot>>());

        Assert.Equal(0, score.FoundInTopFive);
        Assert.Equal(1.0, score.EmptyProductShare);
        Assert.Equal(1, score.CleanDistractors);
        Assert.True(double.IsNaN(score.ExactPrecision));
    }

    [Fact]
    public void A_threshold_tried_after_the_run_drops_the_products_whose_vote_is_below_it()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            ["a.mp4"] =
            [
                new(0, 2, [new ListedProduct("MH01-Black", 0.55), new ListedProduct("MH01-Gray", 0.5)]),
                new(2, 4.4, [new ListedProduct("MJ01-Red", 0.45)]),
                new(4.4, 7, [new ListedProduct("WB01-Black", 0.8)]),
            ],
        };
        var truth = Truth.Take(3).ToList();

        var all = ShotScoring.Score(truth, detected);
        var above = ShotScoring.Score(truth, detected, minScore: 0.52);
        Assert.Equal((1, 2, 0), (all.FoundFirst, all.FoundInTopThree, all.CleanDistractors));
        Assert.Equal((1, 1, 1), (above.FoundFirst, above.FoundInTopThree, above.CleanDistractors));
    }

    [Fact]
    public void Exact_items_are_scored_for_precision_over_product_shots_and_for_recall_of_the_right_product()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            ["a.mp4"] =
            [
                new(0, 2, [new ListedProduct("MH01-Black", 0.9, "exact"), new ListedProduct("MH01-Gray", 0.8, "exact")]),
                new(2, 4.4, [new ListedProduct("MJ01-Red", 0.9, "exact")]),
                new(4.4, 7, [new ListedProduct("WB01-Black", 0.8, "similar")]),
            ],
            ["b.mp4"] = [new(0, 3, [new ListedProduct("MJ01-Red", 0.7, "exact")])],
        };

        var score = ShotScoring.Score(Truth, detected);

        Assert.Equal((3, 2), (score.ExactItems, score.RightExactItems));
        Assert.Equal(2 / 3.0, score.ExactPrecision, 6);
        Assert.Equal(2 / 3.0, score.ExactRecall, 6);
        Assert.Equal(1.0, score.DistractorExact);
        Assert.Equal(0.0, score.DistractorClean);
    }

    [Fact]
    public void Each_framing_is_scored_on_its_own_product_shots()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            ["a.mp4"] = [Shot(0, 2, "MH01-Gray"), Shot(2, 4.4), Shot(4.4, 7, "WB02-Blue")],
            ["b.mp4"] = [Shot(0, 3, "MJ01-Red")],
        };
        var judged = ShotScoring.Judge(Truth, detected);

        Assert.Equal(1.0, ShotScoring.ScoreFraming(judged, ShotFramings.WholeOutfit).RecallAt1);
        Assert.Equal(0.0, ShotScoring.ScoreFraming(judged, ShotFramings.CloseUp).RecallAt1);
        Assert.Equal(1.0, ShotScoring.ScoreFraming(judged, ShotFramings.Back).RecallAt1);
        Assert.Equal(1, ShotScoring.ScoreFraming(judged, ShotFramings.Back).Distractors);
    }

    [Fact]
    public void A_document_without_match_or_confidence_reads_as_similar_matches_with_their_score()
    {
        using var document = JsonDocument.Parse("""
            {"segments": [{"startSeconds": 0, "endSeconds": 2, "products": [
                {"productId": "A", "score": 0.7, "kind": "upper"},
                {"productId": "B", "score": 0.6, "match": "exact", "confidence": 0.93}]}]}
            """);

        var products = ShoppableSegments.Read(document.RootElement).Single().Products;

        Assert.Equal(("similar", 0.7, false), (products[0].Match, products[0].Confidence, products[0].IsExact));
        Assert.Equal(("exact", 0.93, true), (products[1].Match, products[1].Confidence, products[1].IsExact));
    }

    [Fact]
    public void Recall_counts_answers_within_the_first_k_at_product_or_parent_level()
    {
        (string, IReadOnlyList<string>)[] lookups =
        [
            ("MH01-Gray", ["MH01-Black", "MH01-Gray"]),
            ("MJ01-Red", ["MJ01-Red"]),
            ("WB01-Black", ["WB02-Blue", "MH01-Gray", "MH02-Black", "MJ01-Red", "MJ02-Red", "WB01-Black"]),
        ];
        static string Parent(string id) => id.Split('-')[0];

        Assert.Equal(1 / 3.0, RecallAtK.Of(lookups, 1), 6);
        Assert.Equal(2 / 3.0, RecallAtK.Of(lookups, 5), 6);
        Assert.Equal(2 / 3.0, RecallAtK.Of(lookups, 1, Parent), 6);
        Assert.True(double.IsNaN(RecallAtK.Of([], 1)));
    }
}
