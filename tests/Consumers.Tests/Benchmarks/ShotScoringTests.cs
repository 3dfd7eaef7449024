using ShoppableVideo.Benchmarks.Matching;

namespace ShoppableVideo.Consumers.Tests.Benchmarks;

public class ShotScoringTests
{
    static readonly GroundTruthShot[] Truth =
    [
        new("a.mp4", 0, 2, "MH01-Gray"),
        new("a.mp4", 2, 4.4, null),
        new("a.mp4", 4.4, 7, "WB01-Black"),
        new("b.mp4", 0, 3, "MJ01-Red"),
    ];

    /// <summary>A segment whose products all voted 1.</summary>
    static DetectedShot Shot(double start, double end, params string[] products) =>
        new(start, end, products.Select(p => new ScoredProduct(p, 1)).ToList());

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

        Assert.Equal(new ShotScore(ProductShots: 3, FoundFirst: 1, FoundInTopFive: 2, Distractors: 1, CleanDistractors: 1), score);
        Assert.Equal(1 / 3.0, score.RecallAt1, 6);
        Assert.Equal(2 / 3.0, score.RecallAt5, 6);
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
        Assert.Equal(0, score.CleanDistractors);
    }

    [Fact]
    public void A_video_that_produced_no_document_finds_nothing_and_keeps_its_distractors_clean()
    {
        var score = ShotScoring.Score(Truth, new Dictionary<string, IReadOnlyList<DetectedShot>>());

        Assert.Equal(0, score.FoundInTopFive);
        Assert.Equal(1, score.CleanDistractors);
    }

    [Fact]
    public void A_threshold_tried_after_the_run_drops_the_products_whose_vote_is_below_it()
    {
        var detected = new Dictionary<string, IReadOnlyList<DetectedShot>>
        {
            ["a.mp4"] =
            [
                new(0, 2, [new ScoredProduct("MH01-Black", 0.55), new ScoredProduct("MH01-Gray", 0.5)]),
                new(2, 4.4, [new ScoredProduct("MJ01-Red", 0.45)]),
                new(4.4, 7, [new ScoredProduct("WB01-Black", 0.8)]),
            ],
        };
        var truth = Truth.Take(3).ToList();

        Assert.Equal(new ShotScore(2, 1, 2, 1, 0), ShotScoring.Score(truth, detected));
        Assert.Equal(new ShotScore(2, 1, 1, 1, 1), ShotScoring.Score(truth, detected, minScore: 0.52));
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
