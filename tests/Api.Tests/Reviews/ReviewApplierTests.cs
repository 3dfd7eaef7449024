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

    static ShotReview Review(string action, string product, string? replacement = null, int shot = 0) =>
        new(++nextId, VideoId, shot, action, product, replacement, "ann", null, DateTimeOffset.UtcNow);

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
}
