using ShoppableVideo.Messages;
using ShoppableVideo.Sagas.Catalog;

namespace ShoppableVideo.Sagas.Tests.Catalog;

/// <summary>Rows that share a photo wait for its first row, so they take its description from the index
/// instead of detecting and embedding the same photo again.</summary>
public class SharedPhotoSubmissionTests
{
    static ParsedProduct Row(int line, string image, Guid? after = null) =>
        new(Guid.NewGuid(), new CatalogProduct(line, $"p{line}", $"p{line}", 1, "Women/Tops", image, null), after);

    [Fact]
    public void A_row_sharing_a_photo_is_submitted_only_once_the_first_row_with_it_has_reported()
    {
        var leader = Row(2, "shop/red.jpg");
        var followers = new[] { Row(3, "shop/red.jpg", leader.ProductImageId), Row(4, "shop/red.jpg", leader.ProductImageId) };
        var other = Row(5, "shop/blue.jpg");
        var batch = new CatalogIngestionState
        {
            CorrelationId = Guid.NewGuid(),
            Manifest = new StoredObject("catalog", "shop/manifest.csv", 1, "h"),
            Products = [leader, .. followers, other],
        };

        var first = batch.NextSubmissions(resend: false);
        Assert.Equal([leader.ProductImageId, other.ProductImageId], first.Select(s => s.ProductImageId));

        batch.RecordIngested(other.ProductImageId);
        Assert.Empty(batch.NextSubmissions(resend: false));

        batch.RecordIngested(leader.ProductImageId);
        Assert.Equal(followers.Select(f => f.ProductImageId), batch.NextSubmissions(resend: false).Select(s => s.ProductImageId));
    }

    [Fact]
    public void A_failed_first_row_releases_the_rows_that_waited_for_it()
    {
        var leader = Row(2, "shop/red.jpg");
        var follower = Row(3, "shop/red.jpg", leader.ProductImageId);
        var batch = new CatalogIngestionState
        {
            CorrelationId = Guid.NewGuid(),
            Manifest = new StoredObject("catalog", "shop/manifest.csv", 1, "h"),
            Products = [leader, follower],
        };
        batch.NextSubmissions(resend: false);

        batch.RecordFailed(new ProductImageFailed(leader.ProductImageId, batch.CorrelationId, "p2", 2, "Detect", "no item"));

        Assert.Equal([follower.ProductImageId], batch.NextSubmissions(resend: false).Select(s => s.ProductImageId));
    }
}
