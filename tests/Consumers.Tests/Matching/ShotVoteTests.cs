using ShoppableVideo.Consumers.Matching;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Consumers.Tests.Matching;

public class ShotVoteTests
{
    static readonly ShotVoteOptions Options = new() { TopK = 3, MinScore = 0.5 };
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
    public void Two_regions_agreeing_in_one_frame_are_one_vote()
    {
        var hits = new[] { Hit(0, "tee", 0.9), Hit(0, "tee", 0.85, Narrow, ItemKind.Full), Hit(25, "tee", 0.7) };

        var match = Assert.Single(ShotVote.Decide(hits, 2, Options));

        Assert.Equal(0.8, match.Score, 4);
        Assert.Equal("upper", match.Kind);
    }

    [Fact]
    public void A_shot_where_nothing_reaches_the_threshold_reports_no_product()
    {
        var hits = new[] { Hit(0, "near-miss", 0.45), Hit(25, "near-miss", 0.49), Hit(25, "other", 0.3) };

        Assert.Empty(ShotVote.Decide(hits, 2, Options));
    }

    [Fact]
    public void Only_the_top_k_products_are_kept_best_first()
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
        var hits = new[] { Hit(0, "b", 0.8), Hit(0, "a", 0.8) };

        Assert.Equal(["a", "b"], ShotVote.Decide(hits, 1, Options).Select(m => m.ProductId));
        Assert.Equal(["a", "b"], ShotVote.Decide(hits.Reverse().ToArray(), 1, Options).Select(m => m.ProductId));
    }

    [Fact]
    public void No_hits_means_no_products()
    {
        Assert.Empty(ShotVote.Decide([], 3, Options));
    }
}
