using ShoppableVideo.Api.Reviews;
using ShoppableVideo.Consumers.Metadata;
using ShoppableVideo.Messages;

namespace ShoppableVideo.Api.Tests.Reviews;

public class ReviewApplierTests
{
    static readonly Guid VideoId = Guid.NewGuid();
    static readonly NormalizedBox Box = new(0.1, 0.2, 0.3, 0.4);

    static ShoppableDocument MachineDocument(params string[] shot0Products) => new(
        "2.0", VideoId, new ShoppableVideoInfo("videos", "v.mp4", 1, "sha256:00", 6, 25, 640, 480), "complete",
        [
            new ShoppableSegment(0, 0, 75, 0, 3, [], shot0Products.Select(id => new ProductMatch(id, 0.9, Box, 1.5, "upper")).ToList()),
            new ShoppableSegment(1, 75, 150, 3, 6, [], [new ProductMatch("B", 0.9, Box, 4.5, "lower")]),
        ]);

    static long nextId;

    static ShotReview Review(string action, string product, string? replacement = null, int shot = 0, ReviewedItem? item = null) =>
        new(++nextId, VideoId, shot, action, product, replacement, "ann", null, DateTimeOffset.UtcNow, item);

    static readonly ReviewedItem SeenAt = new(new NormalizedBox(0.2, 0.1, 0.5, 0.6), 1.25, "upper", 0.91);

    [Fact]
    public void Without_reviews_the_document_is_the_machines()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("A"), []);

        Assert.Equal("2.1", reviewed.SchemaVersion);
        Assert.Equal(["A"], reviewed.Segments[0].Products.Select(p => p.ProductId));
        Assert.All(reviewed.Segments.SelectMany(s => s.Products), p => Assert.Null(p.Review));
    }

    [Fact]
    public void A_replaced_product_keeps_the_machines_box_and_remembers_what_the_machine_found_through_later_reviews()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("A"),
            [Review(ReviewActions.Replace, "A", "C"), Review(ReviewActions.Approve, "C")]);

        var product = Assert.Single(reviewed.Segments[0].Products);
        Assert.Equal(("C", Box), (product.ProductId, product.Box));
        Assert.Equal(("approved", "A"), (product.Review!.Status, product.Review.OriginalProductId));
    }

    [Fact]
    public void A_rejection_removes_the_product_from_its_shot_only()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("A", "B"), [Review(ReviewActions.Reject, "B")]);

        Assert.Equal(["A"], reviewed.Segments[0].Products.Select(p => p.ProductId));
        Assert.Equal(["B"], reviewed.Segments[1].Products.Select(p => p.ProductId));
    }

    [Fact]
    public void The_latest_review_wins()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("A"),
            [Review(ReviewActions.Approve, "A"), Review(ReviewActions.Replace, "A", "D")]);

        Assert.Equal("replaced", Assert.Single(reviewed.Segments[0].Products).Review!.Status);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(2.999, 0)]
    [InlineData(3.0, 1)]
    [InlineData(6.0, 1)]
    public void The_shot_on_screen_owns_its_start_and_the_last_shot_its_end(double seconds, int shot) =>
        Assert.Equal(shot, ReviewApplier.Apply(MachineDocument("A"), []).SegmentAt(seconds)?.Index);

    [Fact]
    public void An_approved_product_a_later_version_no_longer_lists_is_put_back_where_the_reviewer_saw_it()
    {
        // Version 2 of the document: the machine lists only B in shot 0 now.
        var reviewed = ReviewApplier.Apply(MachineDocument("B") with { Version = 2 }, [Review(ReviewActions.Approve, "A", item: SeenAt)]);

        var approved = reviewed.Segments[0].Products.Single(p => p.ProductId == "A");
        Assert.Equal((SeenAt.Box, SeenAt.Seconds, "upper", ProductMatches.Exact, 1.0, "approved"),
            (approved.Box, approved.Seconds, approved.Kind, approved.Match, approved.Confidence, approved.Review!.Status));
        Assert.Contains("B", reviewed.Segments[0].Products.Select(p => p.ProductId));
        Assert.Equal(2, reviewed.Version);
    }

    [Fact]
    public void A_replacement_stays_when_a_later_version_no_longer_lists_the_original_and_appears_once_when_it_lists_the_replacement()
    {
        var replace = Review(ReviewActions.Replace, "A", "C", item: SeenAt);

        var putBack = Assert.Single(ReviewApplier.Apply(MachineDocument(), [replace]).Segments[0].Products);
        Assert.Equal(("C", SeenAt.Box, "replaced", "A"), (putBack.ProductId, putBack.Box, putBack.Review!.Status, putBack.Review.OriginalProductId));

        var listed = ReviewApplier.Apply(MachineDocument("A", "C"), [replace]).Segments[0].Products;
        Assert.Equal(["C"], listed.Select(p => p.ProductId));
    }

    [Fact]
    public void A_rejected_product_stays_out_of_a_later_version_that_lists_it_again()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("A", "B") with { Version = 3 }, [Review(ReviewActions.Reject, "A", item: SeenAt)]);

        Assert.Equal(["B"], reviewed.Segments[0].Products.Select(p => p.ProductId));
    }

    [Fact]
    public void An_added_product_is_exact_with_the_drawn_box_in_every_version_even_one_whose_machine_finds_it()
    {
        var drawn = new ReviewedItem(new NormalizedBox(0.1, 0.2, 0.3, 0.4), 1.5, "lower", 1);
        var add = Review(ReviewActions.Add, "P", shot: 1, item: drawn);

        foreach (var version in new[] { MachineDocument("A"), MachineDocument("A") with { Version = 2, Segments =
                     [MachineDocument("A").Segments[0], MachineDocument("A").Segments[1] with { Products = [new ProductMatch("P", 0.7, Box, 4, "lower")] }] } })
        {
            var added = ApplyTo(version, add).Segments[1].Products.Single(p => p.ProductId == "P");
            Assert.Equal((drawn.Box, ProductMatches.Exact, 1.0, 1.0, "added"), (added.Box, added.Match, added.Confidence, added.Score, added.Review!.Status));
        }
    }

    [Fact]
    public void A_review_kept_without_its_item_changes_nothing_in_a_version_that_no_longer_lists_its_product()
    {
        var reviewed = ReviewApplier.Apply(MachineDocument("B"), [Review(ReviewActions.Approve, "A")]);

        Assert.Equal(["B"], reviewed.Segments[0].Products.Select(p => p.ProductId));
    }

    static ReviewedDocument ApplyTo(ShoppableDocument document, params ShotReview[] reviews) => ReviewApplier.Apply(document, reviews);
}
