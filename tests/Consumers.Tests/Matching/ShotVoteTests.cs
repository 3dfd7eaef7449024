using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class ShotVoteTests
{
    static readonly ShotVoteOptions Options = new() { TopK = 3, MinScore = 0.5, ExactMinScore = 0.8, ExactMinMargin = 0.05 };
    static readonly NormalizedBox Wide = new(0.1, 0.1, 0.8, 0.8);
    static readonly NormalizedBox Narrow = new(0.4, 0.2, 0.2, 0.3);

    static FrameHit Hit(long frame, string product, double score, NormalizedBox? box = null, ItemKind kind = ItemKind.Upper) =>
        new(frame, frame / 25.0, product, kind, score, box ?? Wide);

    [Fact]
    public void A_product_seen_in_every_frame_beats_one_seen_better_but_once()
    {
        var hits = new[]
        {
            Hit(0, "steady", 0.8), Hit(50, "steady", 0.8), Hit(100, "steady", 0.8),
            Hit(50, "lucky", 0.95),
        };

        var matches = ShotVote.Decide(hits, frameCount: 3, Options);

        Assert.Equal(["steady"], matches.Select(m => m.ProductId));
        Assert.Equal(0.8, matches[0].Score, 4);
    }

    [Fact]
    public void The_box_and_time_are_those_of_the_frame_where_the_product_scored_best()
    {
        var hits = new[] { Hit(0, "jacket", 0.7, Wide), Hit(75, "jacket", 0.9, Narrow), Hit(150, "jacket", 0.6, Wide) };

        var match = Assert.Single(ShotVote.Decide(hits, 3, Options));

        Assert.Equal(Narrow, match.Box);
        Assert.Equal(3.0, match.Seconds);
        Assert.Equal(0.7333, match.Score, 4);
    }

    [Fact]
    public void Two_regions_of_one_garment_agreeing_in_one_frame_are_one_vote()
    {
        var hits = new[] { Hit(0, "tee", 0.9), Hit(0, "tee", 0.85, Narrow), Hit(25, "tee", 0.7) };

        var match = Assert.Single(ShotVote.Decide(hits, 2, Options));

        Assert.Equal(0.8, match.Score, 4);
        Assert.Equal("upper", match.Kind);
    }

    [Fact]
    public void A_clear_high_leader_is_exact_and_the_rest_of_its_garment_are_similar()
    {
        var hits = new[] { Hit(0, "mint-top", 0.9), Hit(25, "mint-top", 0.88), Hit(0, "green-top", 0.7), Hit(25, "green-top", 0.72) };

        var matches = ShotVote.Decide(hits, 2, Options);

        Assert.Equal(["mint-top", "green-top"], matches.Select(m => m.ProductId));
        Assert.Equal([ProductMatches.Exact, ProductMatches.Similar], matches.Select(m => m.Match));
        Assert.True(matches[0].Confidence > 0.5, $"exact confidence {matches[0].Confidence}");
        Assert.True(matches[1].Confidence < 0.5, $"similar confidence {matches[1].Confidence}");
    }

    [Fact]
    public void A_leader_only_a_hair_ahead_of_its_runner_up_is_not_exact_however_high_it_scores()
    {
        var hits = new[] { Hit(0, "black-hoodie", 0.93), Hit(0, "navy-hoodie", 0.92) };

        var matches = ShotVote.Decide(hits, 1, Options);

        Assert.All(matches, m => Assert.Equal(ProductMatches.Similar, m.Match));
        Assert.All(matches, m => Assert.True(m.Confidence < 0.5));
    }

    [Fact]
    public void Each_garment_is_decided_on_its_own_and_exact_items_come_first()
    {
        var hits = new[]
        {
            Hit(0, "top", 0.9), Hit(0, "other-top", 0.6),
            Hit(0, "capris", 0.95, Narrow, ItemKind.Lower), Hit(0, "shorts", 0.93, Narrow, ItemKind.Lower),
        };

        var matches = ShotVote.Decide(hits, 1, Options);

        Assert.Equal(["top", "capris", "shorts", "other-top"], matches.Select(m => m.ProductId));
        Assert.Equal([ProductMatches.Exact, ProductMatches.Similar, ProductMatches.Similar, ProductMatches.Similar], matches.Select(m => m.Match));
        Assert.Equal(["upper", "lower", "lower", "upper"], matches.Select(m => m.Kind));
    }

    [Fact]
    public void A_shot_where_nothing_reaches_the_threshold_reports_no_product()
    {
        var hits = new[] { Hit(0, "near-miss", 0.45), Hit(25, "near-miss", 0.49), Hit(25, "other", 0.3) };

        Assert.Empty(ShotVote.Decide(hits, 2, Options));
    }

    [Fact]
    public void Only_the_top_k_products_of_a_garment_are_kept_best_first()
    {
        var hits = new[] { Hit(0, "a", 0.6), Hit(0, "b", 0.9), Hit(0, "c", 0.7), Hit(0, "d", 0.8) };

        var matches = ShotVote.Decide(hits, 1, Options);

        Assert.Equal(["b", "d", "c"], matches.Select(m => m.ProductId));
    }

    [Fact]
    public void Frames_that_found_nothing_still_count_against_every_product()
    {
        var hits = new[] { Hit(0, "passer-by", 0.9) };

        Assert.Empty(ShotVote.Decide(hits, frameCount: 2, Options));
        Assert.Single(ShotVote.Decide(hits, frameCount: 1, Options));
    }

    [Fact]
    public void Equal_votes_are_ordered_the_same_way_every_time()
    {
        var hits = new[] { Hit(0, "b", 0.7), Hit(0, "a", 0.7) };

        Assert.Equal(["a", "b"], ShotVote.Decide(hits, 1, Options).Select(m => m.ProductId));
        Assert.Equal(["a", "b"], ShotVote.Decide(hits.Reverse().ToArray(), 1, Options).Select(m => m.ProductId));
    }

    [Fact]
    public void No_hits_means_no_products()
    {
        Assert.Empty(ShotVote.Decide([], 3, Options));
    }
}
